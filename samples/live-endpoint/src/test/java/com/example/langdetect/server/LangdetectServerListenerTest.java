package com.example.langdetect.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The launcher session listener has started a server for this run and published its URL. */
class LangdetectServerListenerTest {

    @Test
    void theRunHasALiveServerAtLangdetectUrl() throws Exception {
        String url = System.getProperty(LangdetectServerListener.URL_PROPERTY);
        assertNotNull(url, "langdetect.url should be set by the LauncherSessionListener");
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/v2/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());
        assertEquals("{\"ready\":true}", ready.body());
    }
}
