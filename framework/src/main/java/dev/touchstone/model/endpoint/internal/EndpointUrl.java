package dev.touchstone.model.endpoint.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The URLs of endpoints: the one parser of the URLs users give the adapters, and the forms
 * messages show. A URL is {@code http[s]://host[:port][/path]}; credentials belong in
 * {@link dev.touchstone.config.Secret}s, never in the URL, and no message shows user info or a query (either may hold a
 * key).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class EndpointUrl {

    private static final String MISSING = "%s: an endpoint URL is required but was %s (is the property or variable "
            + "that should hold it set?)";
    private static final String NOT_A_URL = "%s: not a URL: '%s'";
    private static final String NOT_HTTP = "%s: an endpoint URL needs http:// or https:// and a host, as in %s; "
            + "got '%s'";
    private static final String CREDENTIALS = "%s: an endpoint URL must not carry credentials; use "
            + "bearerToken(Secret) or header(String, Secret); got '%s'";
    private static final String NOT_ALLOWED = "%s: %s must not carry %s, as in %s; got '%s'";

    private EndpointUrl() {
    }

    /**
     * A base URL, under which an adapter builds its paths: no query or fragment, trailing slashes
     * dropped.
     *
     * @param adapter how messages name the adapter: {@code "Model.openInference"}
     * @param example a valid URL for messages: {@code "http://localhost:8080"}
     */
    public static URI base(@Nullable String url, String adapter, String example) {
        String trimmed = present(url, adapter).strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = http(url, trimmed, adapter, example);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(String.format(NOT_ALLOWED, adapter, "a base URL",
                    "a query or a fragment", example, shown(url)));
        }
        return uri;
    }

    /** A URL requests go to as it is, query included; no fragment (it would never be sent). */
    public static URI request(@Nullable String url, String adapter, String example) {
        URI uri = http(url, present(url, adapter).strip(), adapter, example);
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(String.format(NOT_ALLOWED, adapter, "an endpoint URL", "a fragment",
                    example, shown(url)));
        }
        return uri;
    }

    /** The URL as messages show it: without user info, query or fragment. */
    public static String safe(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** {@code text} as one percent-encoded path segment (a model name, a version). */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String present(@Nullable String url, String adapter) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(String.format(MISSING, adapter, url == null ? "null" : "blank"));
        }
        return url;
    }

    private static URI http(String url, String text, String adapter, String example) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(String.format(NOT_A_URL, adapter, shown(url)), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(String.format(NOT_HTTP, adapter, example, shown(url)));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(String.format(CREDENTIALS, adapter, shown(url)));
        }
        return uri;
    }

    /**
     * A URL as the user wrote it, for messages: whatever precedes an {@code @} in the authority
     * (user info) becomes {@code ***}, a query or fragment {@code ?…} or {@code #…}. Works on text
     * that does not parse, too.
     */
    static String shown(String url) {
        String text = url.strip();
        int end = text.length();
        for (char c : new char[] {'?', '#'}) {
            int at = text.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String rest = end < text.length() ? text.charAt(end) + "…" : "";
        String head = text.substring(0, end);
        int authority = head.indexOf("://");
        int from = authority < 0 ? 0 : authority + 3;
        int slash = head.indexOf('/', from);
        int userInfo = head.lastIndexOf('@', slash < 0 ? head.length() - 1 : slash);
        if (userInfo >= from) {
            head = head.substring(0, from) + "***" + head.substring(userInfo);
        }
        return head + rest;
    }
}
