package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.InvalidConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the fields of a JSON object and collects every problem on the way (unknown fields, wrong
 * types, and what the config records refuse), so one 400 lists them all. An absent field and
 * {@code null} both read as null. A nested object shares its parent's problem list. Not
 * thread-safe: one per request.
 */
final class Body {

    private final ObjectNode node;
    private final String where;
    private final List<String> problems;

    private Body(ObjectNode node, String where, Set<String> fields, List<String> problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                // the name only, never the value: it may be a password typed into the wrong field
                problems.add(where + ": unknown field '" + name + "'");
            }
        }
    }

    /** @param where how messages name the object, e.g. "agent" */
    static Body of(ObjectNode node, String where, Set<String> fields) {
        return new Body(node, where, fields, new ArrayList<>());
    }

    String text(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            return wrongType(field, "text");
        }
        return value.textValue();
    }

    Integer integer(String field, Integer absent) {
        JsonNode value = value(field);
        if (value == null) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return wrongType(field, "a whole number");
        }
        return value.intValue();
    }

    boolean bool(String field, boolean absent) {
        JsonNode value = value(field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            wrongType(field, "true or false");
            return absent;
        }
        return value.booleanValue();
    }

    /** An object of whole numbers, e.g. skills; empty when absent. */
    Map<String, Integer> levels(String field) {
        JsonNode value = value(field);
        Map<String, Integer> levels = new LinkedHashMap<>();
        if (value == null) {
            return levels;
        }
        if (!value.isObject()) {
            wrongType(field, "an object of names to whole numbers");
            return levels;
        }
        value.fields().forEachRemaining(entry -> {
            if (entry.getValue().isIntegralNumber() && entry.getValue().canConvertToInt()) {
                levels.put(entry.getKey(), entry.getValue().intValue());
            } else {
                problems.add(where + ": " + field + " '" + entry.getKey() + "' must be a whole number");
            }
        });
        return levels;
    }

    /** A nested object, or null when absent. */
    Body object(String field, Set<String> fields) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            return wrongType(field, "an object");
        }
        return new Body(object, where + " " + field, fields, problems);
    }

    /** A list of nested objects; empty when absent. */
    List<Body> objects(String field, Set<String> fields) {
        JsonNode value = value(field);
        List<Body> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!value.isArray()) {
            wrongType(field, "a list");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) instanceof ObjectNode object) {
                items.add(new Body(object, where + " " + field + "[" + i + "]", fields, problems));
            } else {
                problems.add(where + ": " + field + "[" + i + "] must be an object");
            }
        }
        return items;
    }

    /** Runs a config record's constructor; its refusals join the problems and the result is null. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    void problem(String problem) {
        problems.add(where + ": " + problem);
    }

    /** The id from the path wins over an absent one in the body and must equal a present one. */
    String id(String pathId) {
        String id = text("id");
        if (pathId == null) {
            return id;
        }
        if (id != null && !id.equals(pathId)) {
            problem("the body's id '" + id + "' is not the id in the path, '" + pathId + "'");
        }
        return pathId;
    }

    /** Throws a 400 listing every problem, if there is any. */
    void check() throws ApiException {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private JsonNode value(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T wrongType(String field, String expected) {
        problems.add(where + ": " + field + " must be " + expected);
        return null;
    }
}
