package io.switchboard.core.internal.echo;

import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallControlException;
import io.switchboard.api.call.CallController;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.PlayRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The echo test (demo route 300): answers, plays the {@code echo-intro} prompt when there is one,
 * then sends the caller's audio back, so an operator hears the whole media path. Keeps no state:
 * each event carries what it needs.
 */
@Component(service = CallController.class, property = CallController.NAME + "=" + EchoController.NAME)
public final class EchoController implements CallController {
    public static final String NAME = "echo";
    static final String INTRO = "echo-intro";
    private static final Logger LOG = LoggerFactory.getLogger(EchoController.class);

    private final CallControl calls;

    @Activate
    public EchoController(@Reference CallControl calls) {
        this.calls = calls;
    }

    @Override
    public void onEvent(CallEvent event) {
        try {
            switch (event.type()) {
                case "call.offered", "call.handover" -> calls.answer(event.callId());
                case "call.answered" -> introThenEcho(event.callId());
                case "media.finished" -> echo(event.callId());
                case "call.unparked" -> echo(event.callId());
                default -> {
                    // digits, hold and the end need nothing from the echo test
                }
            }
        } catch (CallControlException e) {
            LOG.debug("Echo test on call {}: {}", event.callId(), e.getMessage());
        }
    }

    private void introThenEcho(String callId) {
        try {
            calls.play(callId, new PlayRequest(java.util.List.of(INTRO), "", true, false));
        } catch (CallControlException e) {
            echo(callId); // no intro prompt installed: echo straight away
        }
    }

    private void echo(String callId) {
        calls.call(callId).ifPresent(call -> {
            if (call.bridged().isEmpty()) {
                String leg = call.callerLeg().id();
                calls.bridge(callId, leg, leg);
            }
        });
    }
}
