package com.example.langdetect.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the language detection server on a free loopback port when the JUnit Platform opens a
 * launcher session (before any spec is discovered or run), publishes its base URL as the system
 * property {@value #URL_PROPERTY}, and stops it when the session closes. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 *
 * <p>When {@value #URL_PROPERTY} is already set (say {@code -Dlangdetect.url=http://my-kserve:8080}),
 * the specs run against that endpoint and no server is started.
 */
public final class LangdetectServerListener implements LauncherSessionListener {

    public static final String URL_PROPERTY = "langdetect.url";

    /** The port of this JVM's first server: later sessions reuse it so that the URL stays the same. */
    private static int port;

    private InferenceServer server;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(URL_PROPERTY) != null) {
            return;
        }
        try {
            server = startOnStablePort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the language detection server on 127.0.0.1", e);
        }
        System.setProperty(URL_PROPERTY, server.baseUrl());
        System.out.println("[langdetect] Open Inference Protocol v2 server for OpenNLP langdetect "
                + LanguageDetector.MODEL_VERSION + " listening on " + server.baseUrl());
    }

    private static InferenceServer startOnStablePort() throws IOException {
        synchronized (LangdetectServerListener.class) {
            if (port != 0) {
                try {
                    return InferenceServer.start(port);
                } catch (IOException portTaken) {
                    // fall through to a new free port
                }
            }
            InferenceServer started = InferenceServer.start(0);
            port = started.port();
            return started;
        }
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (server == null) {
            return;
        }
        String url = server.baseUrl();
        server.close();
        server = null;
        if (url.equals(System.getProperty(URL_PROPERTY))) {
            System.clearProperty(URL_PROPERTY);
        }
        System.out.println("[langdetect] server on " + url + " stopped");
    }
}
