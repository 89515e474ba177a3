package io.switchboard.testcontroller;

import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallControlException;
import io.switchboard.api.call.CallController;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.PlayRequest;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers, plays hold music, and keeps every digit it hears in the call's state, so a test can
 * replace this bundle under live calls and check, in GET /calls, that the newer version carried
 * on with every digit. Like a real controller it keeps nothing in its own heap.
 */
@Component(service = CallController.class, property = CallController.NAME + "=test")
public final class TestController implements CallController {
    private final CallControl calls;
    private final String version;

    @Activate
    public TestController(@Reference CallControl calls, BundleContext context) {
        this.calls = calls;
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public void onEvent(CallEvent event) {
        String callId = event.callId();
        try {
            switch (event.type()) {
                case "call.offered" -> calls.answer(callId);
                case "call.answered" -> {
                    calls.attach(callId, Map.of("digits", "", "handledBy", version));
                    calls.play(callId, PlayRequest.looping("moh"));
                }
                case "call.digit" -> addDigit(callId, (String) event.data().get("digit"));
                case "call.unparked" -> calls.attach(callId, Map.of("handledBy", version));
                default -> {
                    // nothing else matters to this test controller
                }
            }
        } catch (CallControlException e) {
            // the call ended under us
        }
    }

    private void addDigit(String callId, String digit) {
        calls.call(callId).ifPresent(call -> {
            String digits = String.valueOf(call.controllerState().getOrDefault("digits", "")) + digit;
            calls.remember(callId, Map.of("digits", digits));
            calls.attach(callId, Map.of("digits", digits, "handledBy", version));
        });
    }
}
