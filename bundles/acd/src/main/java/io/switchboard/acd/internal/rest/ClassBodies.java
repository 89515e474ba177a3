package io.switchboard.acd.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.acd.internal.config.CustomerClass;
import java.util.Set;

/** A customer class as JSON: {@code {"id","name","priority"}}, all required; the record is its own view. */
final class ClassBodies {

    private static final Set<String> FIELDS = Set.of("id", "name", "priority");

    private ClassBodies() {
    }

    static CustomerClass input(ObjectNode json, String pathId) throws ApiException {
        Body body = Body.of(json, "customer class", FIELDS);
        String id = body.id(pathId);
        String name = body.text("name");
        Integer priority = body.integer("priority", null);
        if (priority == null) {
            body.problem("priority is required (0 to 100, higher waits ahead)");
        }
        CustomerClass customerClass = priority == null ? null
                : body.build(() -> new CustomerClass(id, name, priority));
        body.check();
        return customerClass;
    }
}
