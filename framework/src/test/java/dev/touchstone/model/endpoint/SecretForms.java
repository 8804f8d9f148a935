package dev.touchstone.model.endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The forms in which a server may echo a credential: as it is, JSON-escaped ({@code \/} as PHP's
 * json_encode writes it, or every character as a unicode escape), URL-encoded (either case of
 * hex), as HTML character references, base64-encoded alone or inside a longer base64 text (basic
 * auth's {@code user:secret}), and cut by one character at either end.
 */
public final class SecretForms {

    private SecretForms() {
    }

    /** Form name to the text of the secret in that form. */
    public static Map<String, String> of(String secret) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("raw", secret);
        forms.put("json \\/", secret.replace("/", "\\/"));
        StringBuilder unicode = new StringBuilder();
        for (char c : secret.toCharArray()) {
            unicode.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        forms.put("json \\u00xx", unicode.toString());
        forms.put("json \\u002F for '/'", secret.replace("/", "\\u002F"));
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.put("url", url);
        forms.put("url, lower-case hex", url.replace("%2F", "%2f").replace("%2B", "%2b").replace("%3D", "%3d"));
        forms.put("html &#x2F;", secret.replace("/", "&#x2F;").replace("+", "&#43;"));
        forms.put("base64", Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        forms.put("base64 of user:secret", Base64.getEncoder().encodeToString(("user:" + secret)
                .getBytes(StandardCharsets.UTF_8)));
        forms.put("base64url inside a longer text", Base64.getUrlEncoder().encodeToString(("{\"auth\":\"" + secret
                + "\",\"n\":1}").getBytes(StandardCharsets.UTF_8)));
        forms.put("minus its first character", secret.substring(1));
        forms.put("minus its last character", secret.substring(0, secret.length() - 1));
        return forms;
    }

    /**
     * Texts that must not appear anywhere once a secret is scrubbed: each form, and for the base64
     * forms the part that only the secret's bytes determine (what survives in any longer base64).
     */
    public static Map<String, String> traces(String secret) {
        Map<String, String> traces = new LinkedHashMap<>(of(secret));
        traces.remove("base64 of user:secret");
        traces.remove("base64url inside a longer text");
        String b64 = traces.get("base64");
        traces.put("base64", b64.substring(0, b64.length() - 4));
        return traces;
    }
}
