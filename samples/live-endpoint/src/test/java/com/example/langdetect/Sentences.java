package com.example.langdetect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code sentences.csv} (RFC 4180, UTF-8, header {@code id,text,language,length}) for the data
 * checks and the accuracy measurement; the quality specs read it with Touchstone's own
 * {@code Dataset.fromCsv}.
 */
public final class Sentences {

    public static final Path CSV = Path.of("src/test/resources/sentences.csv");

    /** One labeled sentence: {@code language} is the ISO 639-3 code, {@code length} short or long. */
    public record Sentence(String id, String text, String language, String length) {
    }

    private Sentences() {
    }

    public static List<Sentence> read() throws IOException {
        return parse(Files.readString(CSV, StandardCharsets.UTF_8));
    }

    static List<Sentence> parse(String csv) {
        List<List<String>> records = records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty() || !records.get(0).equals(List.of("id", "text", "language", "length"))) {
            throw new IllegalArgumentException("sentences.csv must start with the header id,text,language,length");
        }
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != 4) {
                throw new IllegalArgumentException("record " + i + " has " + r.size() + " fields, not 4: " + r);
            }
            sentences.add(new Sentence(r.get(0), r.get(1), r.get(2), r.get(3)));
        }
        return sentences;
    }

    /** RFC 4180: fields separated by commas, optionally quoted ("" for a quote), records by LF or CRLF. */
    private static List<List<String>> records(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
