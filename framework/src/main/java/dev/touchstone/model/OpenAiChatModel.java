package dev.touchstone.model;

import dev.touchstone.internal.json.JsonFormatException;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.endpoint.EndpointOptions;
import dev.touchstone.model.endpoint.internal.EndpointUrl;
import dev.touchstone.internal.json.Json;
import dev.touchstone.model.endpoint.internal.ResponseFormatException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A model behind an OpenAI-compatible chat completions API (vLLM, Ollama, llama.cpp server,
 * OpenAI): one {@code POST {base}/v1/chat/completions} per row with
 * {@code {"model": ..., "messages": [{"role": "system", ...}, {"role": "user", "content": <prompt>}],
 * "temperature": 0}}; the answer ({@code choices[0].message.content}) is mapped to a label.
 *
 * <pre>{@code
 * Model.openAiChat("http://localhost:11434", "llama3.2")
 *      .system("You classify the language of a sentence. Answer with its ISO 639-1 code only.")
 *      .prompt("Sentence: ${sentence}")
 *      .normalised()
 *      .labels(List.of("en", "fr", "de"))
 * }</pre>
 *
 * <p>The base URL may end with {@code /v1} (as OpenAI clients are often configured); it is not
 * repeated. A {@code ${column}} placeholder of the prompt is replaced by the row's value as text.
 *
 * <p>The answer becomes a label by {@link #exact()} (trimmed; the default), {@link #normalised()}
 * (trimmed, lower-cased, punctuation removed, spaces collapsed) or {@link #capture(String)}
 * (group 1 of the first match of a regular expression). With {@link #labels(List)}, an answer
 * that is not one of the labels (compared after the same mapping) is a <b>recorded failure</b>
 * ("answer not among the labels"), not an extra class: it counts in the error rate and the
 * statement says how many answers were off-label, instead of silently scoring them as wrong.
 * An answer the capture pattern does not match is a failure too ("answer did not match ...").
 * Immutable: every method returns a copy.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class OpenAiChatModel extends EndpointModel<OpenAiChatModel> {

    private static final int ANSWER_EXCERPT = 80;
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private enum Mapping { EXACT, NORMALISED, CAPTURE }

    private final URI base;
    private final String model;
    private final @Nullable String system;
    private final @Nullable ColumnTemplate template;
    private final Mapping mapping;
    private final @Nullable Pattern capture;
    private final @Nullable List<String> labels;
    private final EndpointOptions options;

    OpenAiChatModel(String baseUrl, String model) {
        this(chatBase(baseUrl), requireName(model, "model name"), null, null, Mapping.EXACT, null, null,
                EndpointOptions.defaults());
    }

    private OpenAiChatModel(URI base, String model, @Nullable String system, @Nullable ColumnTemplate template,
            Mapping mapping, @Nullable Pattern capture, @Nullable List<String> labels, EndpointOptions options) {
        super(model);
        this.base = base;
        this.model = model;
        this.system = system;
        this.template = template;
        this.mapping = mapping;
        this.capture = capture;
        this.labels = labels == null ? null : List.copyOf(labels);
        this.options = options;
    }

    private OpenAiChatModel copy(@Nullable String sys, @Nullable ColumnTemplate t, Mapping m, @Nullable Pattern c,
            @Nullable List<String> l, EndpointOptions o) {
        return new OpenAiChatModel(base, model, sys, t, m, c, l, o);
    }

    /** The system message sent before every prompt (default: none). */
    public OpenAiChatModel system(String message) {
        requireName(message, "system message");
        return copy(message, template, mapping, capture, labels, options);
    }

    /** The user message: text with {@code ${column}} placeholders, filled from each row. */
    public OpenAiChatModel prompt(String template) {
        Objects.requireNonNull(template, "template");
        if (template.isBlank()) {
            throw new IllegalArgumentException("a prompt template must not be blank");
        }
        return copy(system, ColumnTemplate.parse(template, "prompt"), mapping, capture, labels, options);
    }

    /** The label is the answer, trimmed (the default). */
    public OpenAiChatModel exact() {
        return copy(system, template, Mapping.EXACT, null, labels, options);
    }

    /** The label is the answer trimmed, lower-cased, without punctuation and with single spaces. */
    public OpenAiChatModel normalised() {
        return copy(system, template, Mapping.NORMALISED, null, labels, options);
    }

    /**
     * The label is group 1 of the first match of {@code regex} in the answer, trimmed; an answer
     * without a match is a recorded failure.
     */
    public OpenAiChatModel capture(String regex) {
        Objects.requireNonNull(regex, "regex");
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: '" + regex + "': " + e.getDescription(), e);
        }
        if (pattern.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("the capture pattern needs a group, as in \"Answer: (\\\\w+)\"; got '"
                    + regex + "'");
        }
        return copy(system, template, Mapping.CAPTURE, pattern, labels, options);
    }

    /**
     * The only labels an answer may map to; compared after the mapping (and, with
     * {@link #normalised()}, in normalised form; the label is then given as spelled here). Any
     * other answer is a recorded failure "answer not among the labels".
     */
    public OpenAiChatModel labels(List<String> allowed) {
        Objects.requireNonNull(allowed, "allowed");
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("labels(..) needs at least one label");
        }
        for (String label : allowed) {
            requireName(label, "label");
        }
        return copy(system, template, mapping, capture, allowed, options);
    }

    @Override
    OpenAiChatModel withOptions(EndpointOptions newOptions) {
        return copy(system, template, mapping, capture, labels, newOptions);
    }

    @Override
    public EndpointOptions options() {
        return options;
    }

    /** {@code http://host:port/v1/chat/completions}: how messages name this endpoint. */
    @Override
    public String endpoint() {
        return EndpointUrl.safe(base) + "/v1/chat/completions";
    }

    @Override
    Exchange.Opener bind(Table table) {
        if (template == null) {
            throw new QualityConfigurationException(who() + ": no prompt; call .prompt(\"... ${column} ...\")");
        }
        template.check(table, who());
        Exchange exchange = new Chat(table, template);
        return (client, seed) -> exchange;
    }

    /** One chat completion per row; the answer is mapped to a label. */
    private final class Chat implements Exchange {
        private final URI uri = URI.create(base + "/v1/chat/completions");
        private final Table table;
        private final ColumnTemplate prompt;

        Chat(Table table, ColumnTemplate prompt) {
            this.table = table;
            this.prompt = prompt;
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public int rowsPerRequest() {
            return 1;
        }

        @Override
        public String request(int from, int rows) {
            return OpenAiChatModel.this.request(prompt.text(table, from));
        }

        @Override
        public Prediction[] parse(String body, int rows) throws ResponseFormatException, JsonFormatException {
            Object tree = Json.parse(body);
            Object content = Json.at(tree, "/choices/0/message/content");
            if (!(content instanceof String answer)) {
                throw new ResponseFormatException("unexpected response", "choices[0].message.content is "
                        + Json.typeOf(content) + ", not a string");
            }
            return new Prediction[] {Prediction.of(label(answer))};
        }
    }

    private String request(String prompt) {
        StringBuilder json = new StringBuilder(96 + prompt.length());
        json.append("{\"model\":").append(Json.quote(model)).append(",\"messages\":[");
        if (system != null) {
            json.append("{\"role\":\"system\",\"content\":").append(Json.quote(system)).append("},");
        }
        json.append("{\"role\":\"user\",\"content\":").append(Json.quote(prompt)).append("}],\"temperature\":0}");
        return json.toString();
    }

    /** The label of an answer, or a ResponseFormatException whose kind says why there is none. */
    private String label(String answer) throws ResponseFormatException {
        String mapped = switch (mapping) {
            case EXACT -> answer.strip();
            case NORMALISED -> normalise(answer);
            case CAPTURE -> {
                Matcher m = capture.matcher(answer);
                if (!m.find() || m.group(1) == null) {
                    throw new ResponseFormatException("answer did not match " + capture.pattern(),
                            "answer " + excerpt(answer));
                }
                yield m.group(1).strip();
            }
        };
        if (labels == null) {
            if (mapped.isEmpty()) {
                throw new ResponseFormatException("empty answer", "answer " + excerpt(answer));
            }
            return mapped;
        }
        Map<String, String> allowed = new LinkedHashMap<>();
        for (String label : labels) {
            allowed.putIfAbsent(mapping == Mapping.NORMALISED ? normalise(label) : label, label);
        }
        String label = allowed.get(mapped);
        if (label == null) {
            throw new ResponseFormatException("answer not among the labels " + labels, "answer " + excerpt(answer));
        }
        return label;
    }

    /** Trimmed, lower-cased, punctuation and symbols removed, runs of white space as one space. */
    static String normalise(String text) {
        String noPunctuation = PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return SPACES.matcher(noPunctuation).replaceAll(" ").strip();
    }

    private static String excerpt(String answer) {
        String oneLine = SPACES.matcher(answer).replaceAll(" ").strip();
        return "'" + (oneLine.length() > ANSWER_EXCERPT ? oneLine.substring(0, ANSWER_EXCERPT) + "…" : oneLine) + "'";
    }

    /** The base URL without a trailing {@code /v1}. */
    private static URI chatBase(String baseUrl) {
        URI uri = EndpointUrl.base(baseUrl, "Model.openAiChat", "http://localhost:11434");
        String s = uri.toString();
        return s.endsWith("/v1") ? URI.create(s.substring(0, s.length() - 3)) : uri;
    }

    @Override
    public String toString() {
        return "OpenAiChatModel[" + model + " at " + endpoint() + "]";
    }
}
