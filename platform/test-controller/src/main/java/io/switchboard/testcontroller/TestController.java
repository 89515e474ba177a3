package io.switchboard.testcontroller;

import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallControlException;
import io.switchboard.api.call.CallController;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.call.PlayRequest;
import java.time.Duration;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Answers, plays hold music, and keeps every digit it hears in the call's state, so a test can
 * replace this bundle under live calls and check, in GET /calls, that the newer version carried
 * on with every digit. Like a real controller it keeps nothing in its own heap.
 *
 * <p>Route params steer it: {@code "answer": false} only rings (for CANCEL tests);
 * {@code "dial": "sip:1001"} dials that destination once answered and bridges it on answer.
 * A {@code #} from the caller makes it hang up (the far end hangs up). With
 * {@code "holdOnStar": true} a {@code *} from the caller puts the dialled leg on hold, the next
 * {@code *} takes it off (appliance-initiated hold).
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
                case "call.offered" -> offered(event);
                case "call.answered" -> answered(callId);
                case "leg.answered" -> {
                    String caller = calls.call(callId).orElseThrow().callerLeg().id();
                    calls.remember(callId, Map.of("dialledLeg", event.data().get("legId")));
                    calls.bridge(callId, caller, (String) event.data().get("legId"));
                }
                case "call.digit" -> {
                    if (!fromCaller(callId, event)) {
                        // digits relayed back by the dialled phone are not the caller's
                    } else if ("#".equals(event.data().get("digit"))) {
                        calls.hangup(callId, Cause.NORMAL);
                    } else if ("*".equals(event.data().get("digit")) && toggleHold(callId, (String) event.data().get("legId"))) {
                        // the dialled leg went on hold or came back
                    } else {
                        addDigit(callId, (String) event.data().get("digit"));
                    }
                }
                case "call.unparked" -> calls.attach(callId, Map.of("handledBy", version));
                default -> {
                    // nothing else matters to this test controller
                }
            }
        } catch (CallControlException e) {
            // the call ended under us
        }
    }

    private boolean fromCaller(String callId, CallEvent event) {
        return calls.call(callId).map(call -> call.callerLeg().id().equals(event.data().get("legId")))
                .orElse(false);
    }

    private void offered(CallEvent event) {
        Map<?, ?> params = event.data().get("params") instanceof Map<?, ?> map ? map : Map.of();
        calls.remember(event.callId(), Map.of("dial", String.valueOf(params.get("dial") == null ? "" : params.get("dial")),
                "holdOnStar", Boolean.TRUE.equals(params.get("holdOnStar")), "held", false));
        if (Boolean.FALSE.equals(params.get("answer"))) {
            calls.ring(event.callId());
        } else {
            calls.answer(event.callId());
        }
    }

    private void answered(String callId) {
        calls.attach(callId, Map.of("digits", "", "handledBy", version));
        calls.play(callId, PlayRequest.looping("moh"));
        String dial = String.valueOf(calls.call(callId).orElseThrow().controllerState().get("dial"));
        if (!dial.isEmpty()) {
            calls.dial(callId, new DialRequest(dial, "", Duration.ofSeconds(30)));
        }
    }

    /**
     * With {@code holdOnStar}: a {@code *} from the caller holds or resumes the dialled leg; false
     * when the option is off or the digit came from elsewhere (an echoing phone returns the
     * caller's digits on its own leg).
     */
    private boolean toggleHold(String callId, String fromLeg) {
        var call = calls.call(callId).orElseThrow();
        Map<String, Object> state = call.controllerState();
        if (!Boolean.TRUE.equals(state.get("holdOnStar")) || state.get("dialledLeg") == null
                || !call.callerLeg().id().equals(fromLeg)) {
            return false;
        }
        boolean hold = !Boolean.TRUE.equals(state.get("held"));
        calls.hold(callId, (String) state.get("dialledLeg"), hold);
        calls.remember(callId, Map.of("held", hold));
        return true;
    }

    private void addDigit(String callId, String digit) {
        calls.call(callId).ifPresent(call -> {
            String digits = String.valueOf(call.controllerState().getOrDefault("digits", "")) + digit;
            calls.remember(callId, Map.of("digits", digits));
            calls.attach(callId, Map.of("digits", digits, "handledBy", version));
        });
    }
}
