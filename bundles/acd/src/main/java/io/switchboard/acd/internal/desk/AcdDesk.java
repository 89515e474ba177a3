package io.switchboard.acd.internal.desk;

import io.switchboard.acd.internal.agent.AgentBoard;
import io.switchboard.acd.internal.agent.AgentState;
import io.switchboard.acd.internal.agent.AgentStatus;
import io.switchboard.acd.internal.agent.TransitionRefused;
import io.switchboard.acd.internal.routing.AgentProfile;
import io.switchboard.acd.internal.routing.Assignment;
import io.switchboard.acd.internal.routing.RoutingEngine;
import io.switchboard.acd.internal.routing.SkillRequirement;
import io.switchboard.api.call.CallControl;
import io.switchboard.api.call.CallControlException;
import io.switchboard.api.call.CallEvent;
import io.switchboard.api.call.CallInfo;
import io.switchboard.api.call.CallState;
import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.call.LegState;
import io.switchboard.api.call.OriginateRequest;
import io.switchboard.api.call.PlayRequest;
import io.switchboard.api.journal.Journal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACD at work on calls: it queues the calls handed to it, offers each to the agent the
 * routing engine picks by ringing the agent's phone, bridges on answer, puts a call back at its
 * old place when the phone rings out, and moves agents through their states as calls end.
 *
 * <p>What it must remember about a call lives in the call's controller state in core
 * ({@link CallEntry}); agents' states live in the {@link AgentBoard}, persisted by its listener.
 * A newer version of the bundle rebuilds the routing engine from those two ({@link #resume}).
 *
 * <p>Not thread-safe: callers (core's event threads, the timer thread, REST requests) hold its
 * monitor. Core keeps a call until its controller has heard {@code call.ended}, so the call's
 * state can still be read then.
 */
public final class AcdDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AcdDesk.class);
    private static final String CONTROLLER = "acd";
    private static final String DEFAULT_QUEUE = "general";
    private static final String DEFAULT_CLASS = "standard";
    private static final Duration DEFAULT_WRAP_UP = Duration.ofSeconds(10);
    /** The first announcement comes this long after a call starts waiting: most calls in an open centre are taken by then. */
    private static final Duration FIRST_ANNOUNCEMENT = Duration.ofSeconds(3);
    private static final String CLOSING_PROMPT = "acd.closingPrompt";
    private static final String CLOSING_PLAYBACK = "acd.closingPlayback";
    /** The agent's leg that answered before the caller's leg had: bridged on call.answered. */
    private static final String AGENT_ANSWERED = "acd.agentAnsweredEarly";

    private final CallControl calls;
    private final Journal journal;
    private final AgentBoard agents;
    private final RoutingEngine engine;
    private final AcdDirectory directory;
    private final Timers timers;
    private final AgentNotices notices;
    private final Clock clock;
    private final Callbacks callbacks;
    private final Function<String, Optional<Duration>> recentHandleTime;
    private final Map<String, Timers.Timer> wrapUps = new HashMap<>();
    private final Map<String, Timers.Timer> announcements = new HashMap<>();
    private Timers.Timer wakeUp;
    private Instant wakeUpAt;

    public AcdDesk(CallControl calls, Journal journal, AgentBoard agents, RoutingEngine engine, AcdDirectory directory,
                   Timers timers, AgentNotices notices, Clock clock, CallbackBook callbackBook, CallbackPolicy callbackPolicy,
                   Function<String, Optional<Duration>> recentHandleTime) {
        this.calls = calls;
        this.journal = journal;
        this.agents = agents;
        this.engine = engine;
        this.directory = directory;
        this.timers = timers;
        this.notices = notices;
        this.clock = clock;
        this.recentHandleTime = recentHandleTime;
        this.callbacks = new Callbacks(callbackBook, callbackPolicy, engine, timers, journal, clock,
                key -> engine.routeCall(key, clock.instant()).ifPresent(this::offer));
    }

    /**
     * Picks up the call-back requests kept in the book (after a restart or an update); calls
     * come back by themselves ({@code call.unparked}).
     */
    public void resumeCallbacks() {
        callbacks.resume(calls.calls().stream().map(CallInfo::id).collect(Collectors.toSet()));
        reschedule();
    }

    /** The call-back requests not yet served, for the supervisor's view. */
    public List<Callback> openCallbacks() {
        return callbacks.all();
    }

    // ---- events from core

    public void onEvent(CallEvent event) {
        try {
            switch (event.type()) {
                case "call.offered", "call.handover" -> queue(event.callId(), params(event));
                case "call.answered" -> answered(event.callId());
                case "call.digit" -> digit(event.callId(), String.valueOf(event.data().get("digit")));
                case "media.finished" -> mediaFinished(event.callId(), String.valueOf(event.data().get("playbackId")),
                        String.valueOf(event.data().get("reason")));
                case "call.unparked" -> resume(event.callId());
                case "leg.answered" -> legAnswered(event.callId(), (String) event.data().get("legId"));
                case "leg.ended" -> legEnded(event.callId(), (String) event.data().get("legId"));
                case "leg.held", "leg.resumed" -> legHeld(event.callId(), (String) event.data().get("legId"),
                        event.type().equals("leg.held"));
                case "call.ended" -> callEnded(event.callId(), String.valueOf(event.data().get("cause")));
                default -> {
                    // bridges, early media: nothing the queue needs
                }
            }
        } catch (CallControlException e) {
            LOG.debug("Call {} went away while the ACD handled {}: {}", event.callId(), event.type(), e.getMessage());
        }
        reschedule();
    }

    /** A call handed to the ACD (route or another controller): it waits in its queue at its priority. */
    private void queue(String callId, Map<String, Object> params) {
        CallInfo call = calls.call(callId).orElseThrow(() -> new CallControlException("no call " + callId));
        String queueId = queueOf(params);
        String customerClass = classOf(call, params);
        int priority = directory.priority(customerClass);
        CallEntry entry = CallEntry.waiting(queueId, customerClass, priority, clock.instant());
        calls.remember(callId, entry.asState());
        calls.attach(callId, Map.of("queue", queueId, "customerClass", customerClass));
        if (call.state() == CallState.ANSWERED) {
            startMusic(callId);
        } else {
            calls.answer(callId);
        }
        journal.append("acd.queued", callId, null, Map.of("queue", queueId, "customerClass", customerClass, "priority", priority));
        QueuePlan plan = directory.queue(queueId).orElseThrow();
        if (Boolean.TRUE.equals(params.get("closed"))) {
            fallback(callId, entry, plan, "closed");
            return;
        }
        if (plan.fallback() != null && !anyoneLoggedInFor(plan)) {
            fallback(callId, entry, plan, "no-agents");
            return;
        }
        waitInQueue(callId, entry, plan);
    }

    private void waitInQueue(String callId, CallEntry entry, QueuePlan plan) {
        engine.enqueue(callId, entry.queue(), entry.priority(), entry.enqueuedAt());
        engine.routeCall(callId, clock.instant()).ifPresent(this::offer);
        keepAnnouncing(callId, plan, FIRST_ANNOUNCEMENT);
    }

    private String queueOf(Map<String, Object> params) {
        String queueId = params.get("queue") instanceof String name && !name.isBlank() ? name : DEFAULT_QUEUE;
        if (directory.queue(queueId).isPresent()) {
            return queueId;
        }
        LOG.warn("Queue '{}' does not exist; the call waits in '{}'", queueId, DEFAULT_QUEUE);
        return DEFAULT_QUEUE;
    }

    private String classOf(CallInfo call, Map<String, Object> params) {
        if (params.get("customerClass") instanceof String named && !named.isBlank()) {
            return named;
        }
        if (call.attached().get("customerClass") instanceof String attached && !attached.isBlank()) {
            return attached;
        }
        return directory.classForCaller(call.caller()).orElse(DEFAULT_CLASS);
    }

    private void startMusic(String callId) {
        entry(callId).filter(entry -> entry.phase() == CallEntry.Phase.WAITING || entry.phase() == CallEntry.Phase.OFFERED)
                .ifPresent(entry -> {
                    String music = directory.queue(entry.queue()).map(QueuePlan::music).orElse("moh");
                    calls.play(callId, new PlayRequest(List.of(music), language(callId), false, true));
                });
    }

    /** The call comes back after the ACD bundle was updated: its place, offer or connection carries on. */
    private void resume(String callId) {
        Optional<CallEntry> found = entry(callId);
        if (found.isEmpty()) {
            LOG.warn("Call {} came back to the ACD without its queue entry; it waits in '{}'", callId, DEFAULT_QUEUE);
            queue(callId, Map.of());
            return;
        }
        CallEntry entry = found.get();
        if (entry.phase() == CallEntry.Phase.WAITING) {
            startMusic(callId);
            directory.queue(entry.queue()).ifPresentOrElse(plan -> waitInQueue(callId, entry, plan),
                    () -> requeue(callId, entry.movedTo(DEFAULT_QUEUE)));
        } else if (entry.phase() == CallEntry.Phase.CLOSING) {
            calls.hangup(callId, Cause.NORMAL); // its last message was cut by the update; the call-back, if any, is kept
        }
        // OFFERED, CALLING_BACK: a phone still rings, its events follow; CONNECTED: nothing to do
    }

    // ---- what waiting callers hear and may do

    /** The caller's leg answered: an originated call-back reached its customer; a closing call hears its message. */
    private void answered(String callId) {
        Optional<CallEntry> found = entry(callId);
        if (found.isPresent() && found.get().phase() == CallEntry.Phase.CALLING_BACK) {
            customerAnswered(callId, found.get());
        } else if (found.isPresent() && found.get().phase() == CallEntry.Phase.CLOSING) {
            playClosing(callId);
        } else if (found.isPresent() && agentAnsweredEarly(callId, found.get())) {
            legAnswered(callId, found.get().agentLeg());
        } else {
            startMusic(callId);
        }
    }

    /** Whether the offered agent's phone answered before the caller's leg had (see legAnswered). */
    private boolean agentAnsweredEarly(String callId, CallEntry entry) {
        return entry.phase() == CallEntry.Phase.OFFERED && entry.agentLeg() != null && entry.agentLeg()
                .equals(calls.call(callId).map(call -> call.controllerState().get(AGENT_ANSWERED)).orElse(null));
    }

    private void digit(String callId, String digit) {
        Optional<CallEntry> found = entry(callId).filter(entry -> entry.phase() == CallEntry.Phase.WAITING);
        Optional<QueuePlan> plan = found.flatMap(entry -> directory.queue(entry.queue()));
        if (plan.isEmpty() || !digit.equals(plan.get().callbackDigit())) {
            return;
        }
        CallInfo call = calls.call(callId).orElseThrow(() -> new CallControlException("no call " + callId));
        if (!Callbacks.dialable(call.caller())) {
            LOG.info("Call {} asked for a call-back, but its caller's number cannot be dialled; it keeps waiting", callId);
            return;
        }
        takeCallback(call, found.get(), "caller");
    }

    /** A non-looping playback ended: a closing call is hung up; a waiting one goes back to its music. */
    private void mediaFinished(String callId, String playbackId, String reason) {
        Optional<CallInfo> call = calls.call(callId);
        Optional<CallEntry> found = call.flatMap(CallEntry::of);
        if (found.isEmpty()) {
            return;
        }
        if (found.get().phase() == CallEntry.Phase.CLOSING) {
            if (playbackId.equals(call.get().controllerState().get(CLOSING_PLAYBACK))) {
                calls.hangup(callId, Cause.NORMAL);
            }
        } else if ("completed".equals(reason)) {
            startMusic(callId);
        }
    }

    /**
     * The queue's fallback, when callers cannot be served here: at the maximum wait, with nobody
     * logged in who could take the call, or out of hours (the route said {@code closed}).
     */
    private void fallback(String callId, CallEntry entry, QueuePlan plan, String reason) {
        CallInfo call = calls.call(callId).orElseThrow(() -> new CallControlException("no call " + callId));
        String action = plan.fallback() == null ? "message" : plan.fallback();
        journal.append("acd.fallback", callId, null, Map.of("queue", entry.queue(), "reason", reason, "action", action));
        String overflow = plan.overflowQueue();
        if ("queue".equals(action) && overflow != null && !overflow.equals(entry.queue())
                && directory.queue(overflow).isPresent()) {
            CallEntry moved = entry.movedTo(overflow);
            calls.remember(callId, moved.asState());
            calls.attach(callId, Map.of("queue", overflow));
            journal.append("acd.overflow", callId, null, Map.of("from", entry.queue(), "to", overflow));
            engine.remove(callId);
            waitInQueue(callId, moved, directory.queue(overflow).orElseThrow());
        } else if ("callback".equals(action) && Callbacks.dialable(call.caller())) {
            takeCallback(call, entry, reason);
        } else {
            String prompt = "message".equals(action) && plan.maxWaitPrompt() != null && !"closed".equals(reason)
                    ? plan.maxWaitPrompt() : "closed".equals(reason) ? "acd/closed" : "acd/no-agents";
            close(callId, entry, prompt, null);
        }
    }

    private void takeCallback(CallInfo call, CallEntry entry, String reason) {
        Callback callback = callbacks.request(call, entry, reason);
        close(call.id(), entry, "acd/callback-confirm", callback.id());
    }

    /** The caller leaves the queue: they hear {@code prompt}, then the ACD hangs up. */
    private void close(String callId, CallEntry entry, String prompt, String callbackId) {
        engine.remove(callId);
        stopAnnouncing(callId);
        Map<String, Object> state = entry.closing(callbackId).asState();
        state.put(CLOSING_PROMPT, prompt);
        calls.remember(callId, state);
        if (calls.call(callId).map(call -> call.state() == CallState.ANSWERED).orElse(false)) {
            playClosing(callId);
        } // else call.answered plays it
    }

    private void playClosing(String callId) {
        Object prompt = calls.call(callId).map(call -> call.controllerState().get(CLOSING_PROMPT)).orElse(null);
        try {
            String playbackId = calls.play(callId, new PlayRequest(List.of(String.valueOf(prompt)), language(callId), false, false));
            calls.remember(callId, Map.of(CLOSING_PLAYBACK, playbackId));
        } catch (CallControlException e) {
            LOG.warn("Call {}: its last message {} cannot be played ({}); hanging up", callId, prompt, e.getMessage());
            calls.hangup(callId, Cause.NORMAL);
        }
    }

    /** Schedules the call's next position announcement, if its queue makes them and none is pending. */
    private void keepAnnouncing(String callId, QueuePlan plan, Duration after) {
        if (plan.announceEvery() == null || after == null || announcements.containsKey(callId)) {
            return;
        }
        announcements.put(callId, timers.at(clock.instant().plus(after), () -> announce(callId)));
    }

    private void stopAnnouncing(String callId) {
        Timers.Timer timer = announcements.remove(callId);
        if (timer != null) {
            timer.cancel();
        }
    }

    private void announce(String callId) {
        announcements.remove(callId);
        Optional<CallEntry> found = entry(callId).filter(entry -> entry.phase() == CallEntry.Phase.WAITING);
        Optional<QueuePlan> plan = found.flatMap(entry -> directory.queue(entry.queue()));
        int position = engine.position(callId);
        if (plan.isEmpty() || position == 0) {
            return;
        }
        Optional<Duration> wait = recentHandleTime.apply(found.get().queue())
                .map(handle -> handle.multipliedBy(position).dividedBy(Math.max(1, servingAgents(plan.get()))));
        try {
            calls.play(callId, new PlayRequest(WaitAnnouncement.items(plan.get(), position, wait), language(callId), false, false));
        } catch (CallControlException e) {
            LOG.debug("Call {}: no announcement: {}", callId, e.getMessage());
        }
        keepAnnouncing(callId, plan.get(), plan.get().announceEvery());
    }

    /** Logged-in agents who meet the queue's own requirement. */
    private int servingAgents(QueuePlan plan) {
        int serving = 0;
        for (AgentStatus status : agents.all()) {
            if (status.state().loggedIn() && meets(status.agentId(), plan.rules().requirement())) {
                serving++;
            }
        }
        return serving;
    }

    /** Whether anyone logged in could ever take this queue's calls (its requirement or an overflow step's). */
    private boolean anyoneLoggedInFor(QueuePlan plan) {
        for (AgentStatus status : agents.all()) {
            if (!status.state().loggedIn()) {
                continue;
            }
            if (meets(status.agentId(), plan.rules().requirement())
                    || plan.rules().overflow().stream().anyMatch(step -> meets(status.agentId(), step.alsoAccept()))) {
                return true;
            }
        }
        return false;
    }

    private boolean meets(String agentId, SkillRequirement requirement) {
        return directory.agent(agentId)
                .map(profile -> profile.skills().getOrDefault(requirement.skill(), 0) >= requirement.minimumLevel())
                .orElse(false);
    }

    private String language(String callId) {
        return calls.call(callId).map(call -> call.attached().get("language"))
                .filter(String.class::isInstance).map(String.class::cast).orElse("");
    }

    // ---- call-backs

    /** An agent was chosen for a call-back request: reserve them and call the customer through the trunk. */
    private void placeCallback(Assignment assignment) {
        Optional<Callback> found = callbacks.forKey(assignment.callId());
        if (found.isEmpty()) {
            return;
        }
        Callback callback = found.get();
        String agentId = assignment.agentId();
        Optional<QueuePlan> plan = directory.queue(callback.queue());
        if (plan.isEmpty() || directory.device(agentId).isEmpty() || agents.status(agentId).state() != AgentState.READY) {
            LOG.warn("Call-back {} not placed with agent {}: {}", callback.id(), agentId,
                    plan.isEmpty() ? "its queue is gone" : "the agent has no device or is not READY");
            engine.enqueueCallback(callback.routingKey(), callback.queue(), callback.priority(), callback.enqueuedAt());
            return;
        }
        Map<String, Object> attached = new HashMap<>(callback.attached());
        attached.put("queue", callback.queue());
        attached.put("customerClass", callback.customerClass());
        attached.put("callback", true);
        String callId;
        try {
            CallbackPolicy policy = callbacks.policy();
            callId = calls.originate(new OriginateRequest(CONTROLLER, new DialRequest("trunk:" + callback.number(),
                    policy.callerId(), policy.ringTimeout()), attached, withoutNulls(CallEntry.callingBack(callback, agentId).asState())));
        } catch (CallControlException | IllegalArgumentException e) {
            LOG.warn("Call-back {} cannot be placed now: {}", callback.id(), e.getMessage());
            callbacks.attemptFailed(callback.id(), callback.originalCallId(), "NOT_PLACED");
            return;
        }
        try {
            agents.reserve(agentId, callId);
        } catch (TransitionRefused e) {
            LOG.warn("Call-back {}: agent {} cannot be reserved: {}", callback.id(), agentId, e.getMessage());
            calls.hangup(callId, Cause.CONTROLLER);
        }
        callbacks.dialling(callback, callId, agentId);
        Map<String, Object> pop = screenPop(callId, CallEntry.callingBack(callback, agentId));
        pop.put("callback", true);
        notices.publish(agentId, "offered", pop);
    }

    /** The customer of a call-back answered: they hear a word of introduction while the reserved agent's phone rings. */
    private void customerAnswered(String callId, CallEntry entry) {
        callbacks.reached(entry.callbackId(), callId);
        try {
            calls.play(callId, new PlayRequest(List.of("acd/callback-intro"), language(callId), false, false));
        } catch (CallControlException e) {
            LOG.debug("Call-back {}: no introduction: {}", callId, e.getMessage());
        }
        AgentStatus agent = agents.status(entry.agent());
        Optional<QueuePlan> plan = directory.queue(entry.queue());
        Optional<String> device = directory.device(entry.agent());
        if (agent.state() != AgentState.RESERVED || !callId.equals(agent.callId()) || plan.isEmpty() || device.isEmpty()) {
            requeue(callId, entry.backToWaiting()); // the agent went away meanwhile: the customer waits at the old place
            return;
        }
        String legId;
        try {
            legId = calls.dial(callId, new DialRequest(device.get(), "", plan.get().ringTimeout()));
        } catch (CallControlException | IllegalArgumentException e) {
            LOG.warn("Agent {}'s phone {} cannot be dialled: {}", entry.agent(), device.get(), e.getMessage());
            agentMissed(entry.agent(), callId, "unreachable");
            requeue(callId, entry);
            return;
        }
        calls.remember(callId, entry.offered(entry.agent(), legId).asState());
        journal.append("acd.offered", callId, entry.agent(), Map.of("queue", entry.queue(), "legId", legId, "callback", true));
    }

    // ---- offering to agents

    private void offer(Assignment assignment) {
        if (Callbacks.isKey(assignment.callId())) {
            placeCallback(assignment);
            return;
        }
        String callId = assignment.callId();
        String agentId = assignment.agentId();
        Optional<CallInfo> call = calls.call(callId);
        if (call.isPresent() && call.get().state() == CallState.ENDED) {
            // the caller hung up and its call.ended is still on its way: the agent, taken out of the
            // engine by this assignment, is ready for the next call
            agentChanged(agents.status(agentId));
            return;
        }
        Optional<CallEntry> found = call.flatMap(CallEntry::of);
        Optional<QueuePlan> plan = found.flatMap(entry -> directory.queue(entry.queue()));
        Optional<String> device = directory.device(agentId);
        if (found.isEmpty() || plan.isEmpty() || device.isEmpty()) {
            LOG.warn("Call {} cannot be offered to agent {}: {}", callId, agentId,
                    found.isEmpty() ? "the call is gone" : plan.isEmpty() ? "its queue is gone" : "the agent has no device");
            found.ifPresent(entry -> requeue(callId, entry));
            return;
        }
        try {
            agents.reserve(agentId, callId);
        } catch (TransitionRefused e) {
            LOG.warn("Call {} not offered: {}", callId, e.getMessage());
            requeue(callId, found.get());
            return;
        }
        CallEntry entry = found.get();
        String legId;
        try {
            legId = calls.dial(callId, new DialRequest(device.get(), "", plan.get().ringTimeout()));
            calls.remember(callId, entry.offered(agentId, legId).asState());
        } catch (CallControlException | IllegalArgumentException e) {
            if (callGone(callId)) {
                releaseAgent(agentId, callId); // the caller hung up meanwhile; the agent did nothing wrong
                return;
            }
            LOG.warn("Agent {}'s phone {} cannot be dialled: {}", agentId, device.get(), e.getMessage());
            agentMissed(agentId, callId, "unreachable");
            requeue(callId, entry);
            return;
        }
        journal.append("acd.offered", callId, agentId, Map.of("queue", entry.queue(), "legId", legId));
        notices.publish(agentId, "offered", screenPop(callId, entry));
    }

    private void legAnswered(String callId, String legId) {
        CallInfo call = calls.call(callId).orElseThrow(() -> new CallControlException("no call " + callId));
        Optional<Consultation> consultation = Consultation.of(call).filter(c -> c.legId().equals(legId));
        if (consultation.isPresent()) {
            consultAnswered(call, consultation.get());
            return;
        }
        Optional<CallEntry> found = CallEntry.of(call).filter(entry -> legId.equals(entry.agentLeg()));
        if (found.isEmpty() || found.get().phase() != CallEntry.Phase.OFFERED) {
            return;
        }
        CallEntry entry = found.get();
        if (call.state() != CallState.ANSWERED) {
            // the agent picked up before the caller's own answer completed: bridge when it has
            calls.remember(callId, Map.of(AGENT_ANSWERED, legId));
            return;
        }
        if (entry.agent() == null) { // transferred to a number: the far end answered
            calls.remember(callId, entry.connected().asState());
            calls.bridge(callId, call.callerLeg().id(), legId);
            journal.append("acd.transfer.answered", callId, null, Map.of("queue", entry.queue(), "legId", legId));
            return;
        }
        try {
            agents.connected(entry.agent(), callId);
        } catch (TransitionRefused e) {
            LOG.warn("Call {} answered by agent {} out of turn: {}", callId, entry.agent(), e.getMessage());
        }
        long waited = Duration.between(entry.enqueuedAt(), clock.instant()).toSeconds();
        Map<String, Object> connected = entry.connected().asState();
        connected.put(AGENT_ANSWERED, null);
        calls.remember(callId, connected);
        calls.attach(callId, Map.of("waitSeconds", waited, "agentId", entry.agent()));
        calls.bridge(callId, call.callerLeg().id(), legId);
        journal.append("acd.connected", callId, entry.agent(), Map.of("queue", entry.queue(), "waitSeconds", waited));
        notices.publish(entry.agent(), "connected", screenPop(callId, entry));
    }

    private void legEnded(String callId, String legId) {
        Optional<CallInfo> call = calls.call(callId);
        if (call.isEmpty() || call.get().state() == CallState.ENDED || call.get().callerLeg().state() == LegState.ENDED) {
            return; // the whole call ends: call.ended settles the agent
        }
        Optional<Consultation> consultation = Consultation.of(call.get());
        if (consultation.isPresent() && consultation.get().legId().equals(legId)) {
            endConsultation(call.get(), consultation.get(), "ended");
            return;
        }
        Optional<CallEntry> found = CallEntry.of(call.get()).filter(entry -> legId.equals(entry.agentLeg()));
        if (found.isEmpty()) {
            return;
        }
        CallEntry entry = found.get();
        if (entry.phase() == CallEntry.Phase.OFFERED && entry.agent() == null) {
            journal.append("acd.transfer.failed", callId, null, Map.of("queue", entry.queue(), "legId", legId));
            requeue(callId, entry); // the number did not answer: back to the queue at the old place
        } else if (entry.phase() == CallEntry.Phase.CONNECTED && consultation.filter(Consultation::answered).isPresent()) {
            completeConsultation(call.get(), entry, consultation.get()); // the agent hung up while consulting: transfer
        } else if (entry.phase() == CallEntry.Phase.OFFERED) {
            String reason = directory.queue(entry.queue()).map(QueuePlan::noAnswerReason).orElse("no-answer");
            journal.append("acd.noanswer", callId, entry.agent(), Map.of("queue", entry.queue()));
            agentMissed(entry.agent(), callId, reason);
            requeue(callId, entry);
        } else if (entry.phase() == CallEntry.Phase.CONNECTED) {
            calls.hangup(callId, Cause.NORMAL); // the agent hung up: the caller's side ends too
        }
    }

    private void legHeld(String callId, String legId, boolean onHold) {
        entry(callId).filter(entry -> entry.phase() == CallEntry.Phase.CONNECTED)
                .filter(entry -> legId.equals(entry.agentLeg())) // the agent's phone held; a REST hold set the state itself
                .ifPresent(entry -> {
                    try {
                        agents.held(entry.agent(), callId, onHold);
                    } catch (TransitionRefused e) {
                        LOG.debug("Hold on call {} not reflected: {}", callId, e.getMessage());
                    }
                });
    }

    private String callerLeg(String callId) {
        return calls.call(callId).map(call -> call.callerLeg().id()).orElse("");
    }

    private boolean callGone(String callId) {
        return calls.call(callId).map(call -> call.state() == CallState.ENDED).orElse(true);
    }

    private void releaseAgent(String agentId, String callId) {
        try {
            agents.released(agentId, callId);
        } catch (TransitionRefused e) {
            LOG.debug("Agent {} not released from call {}: {}", agentId, callId, e.getMessage());
        }
        notices.publish(agentId, "ended", Map.of("callId", callId));
    }

    /** The phone rang out, refused or could not be reached: the agent goes NOT_READY. */
    private void agentMissed(String agentId, String callId, String reason) {
        try {
            agents.noAnswer(agentId, callId, reason);
        } catch (TransitionRefused e) {
            LOG.debug("Agent {} missed call {}: {}", agentId, callId, e.getMessage());
        }
        notices.publish(agentId, "ended", Map.of("callId", callId, "reason", reason));
    }

    /** Back at its old place in its queue, and offered again if someone can take it. */
    private void requeue(String callId, CallEntry entry) {
        CallEntry waiting = entry.backToWaiting();
        calls.remember(callId, waiting.asState());
        engine.enqueue(callId, waiting.queue(), waiting.priority(), waiting.enqueuedAt());
        engine.routeCall(callId, clock.instant()).ifPresent(this::offer);
        directory.queue(waiting.queue()).ifPresent(plan -> keepAnnouncing(callId, plan, plan.announceEvery()));
    }

    // ---- calls ending

    /** The caller (or core) ended the call; core still holds it while its controller hears this. */
    private void callEnded(String callId, String cause) {
        Optional<CallEntry> found = entry(callId);
        boolean wasWaiting = engine.remove(callId);
        stopAnnouncing(callId);
        if (found.isEmpty()) {
            return;
        }
        CallEntry entry = found.get();
        if (entry.phase() == CallEntry.Phase.CALLING_BACK) {
            callbacks.attemptFailed(entry.callbackId(), callId, cause); // before the agent is free again
        }
        long waited = Duration.between(entry.enqueuedAt(), clock.instant()).toSeconds();
        if (wasWaiting || entry.phase() == CallEntry.Phase.WAITING || entry.phase() == CallEntry.Phase.OFFERED) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("queue", entry.queue());
            data.put("waitSeconds", waited);
            data.put("whileRinging", entry.phase() == CallEntry.Phase.OFFERED);
            journal.append("acd.abandoned", callId, entry.agent(), data);
        }
        if (entry.agent() != null) {
            agentLeftCall(agents.status(entry.agent()), callId, entry);
        }
        calls.call(callId).flatMap(Consultation::of).map(Consultation::agent)
                .ifPresent(consulted -> agentLeftCall(agents.status(consulted), callId, entry));
    }

    private void agentLeftCall(AgentStatus status, String callId, CallEntry entry) {
        if (!callId.equals(status.callId())) {
            return;
        }
        try {
            if (status.state() == AgentState.RESERVED) {
                agents.released(status.agentId(), callId);
            } else if (status.state() == AgentState.TALKING || status.state() == AgentState.HOLD) {
                agents.callEnded(status.agentId(), callId);
                Duration wrapUp = directory.queue(entry.queue()).map(QueuePlan::wrapUp).orElse(DEFAULT_WRAP_UP);
                startWrapUp(status.agentId(), callId, wrapUp);
            }
        } catch (TransitionRefused e) {
            LOG.debug("Agent {} after call {}: {}", status.agentId(), callId, e.getMessage());
        }
        notices.publish(status.agentId(), "ended", Map.of("callId", callId));
    }

    private void startWrapUp(String agentId, String callId, Duration wrapUp) {
        Timers.Timer previous = wrapUps.put(agentId, timers.at(clock.instant().plus(wrapUp), () -> wrapUpTimedOut(agentId, callId)));
        if (previous != null) {
            previous.cancel();
        }
    }

    private void wrapUpTimedOut(String agentId, String callId) {
        wrapUps.remove(agentId);
        AgentStatus status = agents.status(agentId);
        if (status.state() == AgentState.WRAP_UP && callId.equals(status.callId())) {
            try {
                agents.wrapUpDone(agentId);
            } catch (TransitionRefused e) {
                LOG.debug("Wrap-up of agent {}: {}", agentId, e.getMessage());
            }
        }
        reschedule();
    }

    // ---- what an agent does with their call (the agent CTI API)

    /**
     * The agent puts the caller on hold (the caller hears music) or takes them off it.
     *
     * @throws TransitionRefused when the agent has no call to hold or resume
     */
    public void hold(String agentId, boolean onHold) throws TransitionRefused {
        AgentStatus status = agents.status(agentId);
        CallEntry entry = connectedEntry(agentId, status);
        calls.hold(status.callId(), callerLeg(status.callId()), onHold);
        agents.held(agentId, status.callId(), onHold);
        journal.append(onHold ? "acd.held" : "acd.resumed", status.callId(), agentId, Map.of("queue", entry.queue()));
    }

    /** The agent ends their call (both sides); wrap-up follows. */
    public void hangup(String agentId) throws TransitionRefused {
        AgentStatus status = agents.status(agentId);
        connectedEntry(agentId, status);
        calls.hangup(status.callId(), Cause.NORMAL);
    }

    /**
     * Blind transfer: the caller leaves this agent for a queue ({@code queue:<id>}, a new place
     * there from now) or another agent who is READY ({@code agent:<id>}); this agent goes to wrap-up.
     *
     * @throws TransitionRefused when the agent has no call, the target does not exist or the agent is not READY
     */
    public void transfer(String agentId, String target) throws TransitionRefused {
        AgentStatus status = agents.status(agentId);
        CallEntry entry = connectedEntry(agentId, status);
        String callId = status.callId();
        String targetQueue = entry.queue();
        String targetAgent = null;
        if (target.startsWith("queue:")) {
            targetQueue = target.substring("queue:".length());
            if (directory.queue(targetQueue).isEmpty()) {
                throw new TransitionRefused("there is no queue '" + targetQueue + "'");
            }
        } else if (target.startsWith("agent:")) {
            targetAgent = target.substring("agent:".length());
            if (directory.agent(targetAgent).isEmpty() || agents.status(targetAgent).state() != AgentState.READY) {
                throw new TransitionRefused("agent " + targetAgent + " is not READY to take a transfer");
            }
        } else if (target.startsWith("number:")) {
            transferToNumber(agentId, callId, entry, target);
            return;
        } else {
            throw new TransitionRefused("transfer to queue:<id>, agent:<id> or number:<digits>, not '" + target + "'");
        }
        refuseWhileConsulting(callId);
        CallEntry waiting = CallEntry.waiting(targetQueue, entry.customerClass(), entry.priority(), clock.instant());
        leaveCall(agentId, callId, entry, target, waiting);
        calls.attach(callId, Map.of("queue", targetQueue));
        startMusic(callId);
        if (targetAgent != null) {
            offer(new Assignment(callId, targetAgent, targetQueue));
        } else {
            engine.enqueue(callId, targetQueue, waiting.priority(), waiting.enqueuedAt());
            engine.routeCall(callId, clock.instant()).ifPresent(this::offer);
        }
        reschedule();
    }

    /** Blind transfer out through the trunk: the caller hears music until the number answers, then is bridged to it. */
    private void transferToNumber(String agentId, String callId, CallEntry entry, String target) throws TransitionRefused {
        String number = target.substring("number:".length());
        requireOutbound(agentId, number);
        refuseWhileConsulting(callId);
        Duration ring = directory.queue(entry.queue()).map(QueuePlan::ringTimeout).orElse(callbacks.policy().ringTimeout());
        leaveCall(agentId, callId, entry, target, entry.backToWaiting());
        startMusic(callId);
        String legId;
        try {
            legId = calls.dial(callId, new DialRequest("trunk:" + number, "", ring));
        } catch (CallControlException e) {
            LOG.warn("Call {}: transfer to {} cannot be dialled: {}", callId, number, e.getMessage());
            requeue(callId, entry.backToWaiting());
            return;
        }
        calls.remember(callId, entry.offered(null, legId).asState());
    }

    /** The agent hangs up their leg and goes to wrap-up; the caller stays in the ACD's hands as {@code next}. */
    private void leaveCall(String agentId, String callId, CallEntry entry, String target, CallEntry next)
            throws TransitionRefused {
        calls.remember(callId, next.asState()); // first, so the agent's leg ending is not read as a hang-up
        calls.attach(callId, Map.of("transferredBy", agentId));
        calls.hangupLeg(callId, entry.agentLeg(), Cause.NORMAL);
        agents.callEnded(agentId, callId);
        startWrapUp(agentId, callId, directory.queue(entry.queue()).map(QueuePlan::wrapUp).orElse(DEFAULT_WRAP_UP));
        notices.publish(agentId, "ended", Map.of("callId", callId, "transferredTo", target));
        journal.append("acd.transferred", callId, agentId, Map.of("from", entry.queue(), "to", target));
    }

    /**
     * Consulted transfer, first step: the caller goes on hold (music) while the agent's phone is
     * connected to another agent who is READY ({@code agent:<id>}) or a number ({@code number:<digits>}).
     * Then {@link #completeConsultation} hands the caller over, or {@link #cancelConsultation} returns to them.
     */
    public void consult(String agentId, String target) throws TransitionRefused {
        AgentStatus status = agents.status(agentId);
        CallEntry entry = connectedEntry(agentId, status);
        String callId = status.callId();
        refuseWhileConsulting(callId);
        String destination;
        if (target.startsWith("agent:")) {
            String other = target.substring("agent:".length());
            if (directory.agent(other).isEmpty() || agents.status(other).state() != AgentState.READY
                    || directory.device(other).isEmpty()) {
                throw new TransitionRefused("agent " + other + " is not READY to be consulted");
            }
            destination = directory.device(other).orElseThrow();
            agents.reserve(other, callId);
        } else if (target.startsWith("number:")) {
            requireOutbound(agentId, target.substring("number:".length()));
            destination = "trunk:" + target.substring("number:".length());
        } else {
            throw new TransitionRefused("consult agent:<id> or number:<digits>, not '" + target + "'");
        }
        boolean heldHere = status.state() == AgentState.TALKING;
        if (heldHere) {
            hold(agentId, true);
        }
        Duration ring = directory.queue(entry.queue()).map(QueuePlan::ringTimeout).orElse(callbacks.policy().ringTimeout());
        String legId;
        try {
            legId = calls.dial(callId, new DialRequest(destination, "", ring));
        } catch (CallControlException e) {
            if (target.startsWith("agent:")) {
                agentMissed(target.substring("agent:".length()), callId, "unreachable");
            }
            if (heldHere) {
                hold(agentId, false); // back to the caller as before
            }
            throw new TransitionRefused(target + " cannot be dialled: " + e.getMessage());
        }
        Consultation consultation = new Consultation(legId, target, false);
        calls.remember(callId, consultation.asState());
        journal.append("acd.consult.started", callId, agentId, Map.of("queue", entry.queue(), "to", target));
        if (consultation.agent() != null) {
            Map<String, Object> pop = screenPop(callId, entry);
            pop.put("consultedBy", agentId);
            notices.publish(consultation.agent(), "offered", pop);
        }
    }

    /** The agent hands the caller to the party they consulted and leaves the call (wrap-up follows). */
    public void completeConsultation(String agentId) throws TransitionRefused {
        AgentStatus status = agents.status(agentId);
        CallEntry entry = connectedEntry(agentId, status);
        CallInfo call = calls.call(status.callId()).orElseThrow(() -> new TransitionRefused("the call is gone"));
        Consultation consultation = Consultation.of(call)
                .orElseThrow(() -> new TransitionRefused("agent " + agentId + " is not consulting anyone"));
        if (!consultation.answered()) {
            throw new TransitionRefused(consultation.target() + " has not answered yet; wait, or cancel the consultation");
        }
        completeConsultation(call, entry, consultation);
    }

    /** The agent ends the consultation and returns to the caller. */
    public void cancelConsultation(String agentId) throws TransitionRefused {
        AgentStatus status = agents.status(agentId);
        connectedEntry(agentId, status);
        CallInfo call = calls.call(status.callId()).orElseThrow(() -> new TransitionRefused("the call is gone"));
        Consultation consultation = Consultation.of(call)
                .orElseThrow(() -> new TransitionRefused("agent " + agentId + " is not consulting anyone"));
        calls.remember(call.id(), Consultation.cleared()); // first, so the leg ending is not handled twice
        calls.hangupLeg(call.id(), consultation.legId(), Cause.NORMAL);
        endConsultation(call, consultation, "cancelled");
    }

    private void consultAnswered(CallInfo call, Consultation consultation) {
        if (consultation.agent() != null) {
            try {
                agents.connected(consultation.agent(), call.id());
            } catch (TransitionRefused e) {
                LOG.warn("Call {}: consulted agent {} answered out of turn: {}", call.id(), consultation.agent(), e.getMessage());
            }
        }
        calls.remember(call.id(), new Consultation(consultation.legId(), consultation.target(), true).asState());
        CallEntry entry = CallEntry.of(call).orElseThrow();
        calls.unbridge(call.id());
        calls.bridge(call.id(), entry.agentLeg(), consultation.legId());
        journal.append("acd.consult.answered", call.id(), entry.agent(), Map.of("to", consultation.target()));
    }

    private void completeConsultation(CallInfo call, CallEntry entry, Consultation consultation) {
        String callId = call.id();
        String agentId = entry.agent();
        String newAgent = consultation.agent();
        CallEntry handedOver = new CallEntry(entry.queue(), entry.customerClass(), entry.priority(), entry.enqueuedAt(),
                CallEntry.Phase.CONNECTED, newAgent, consultation.legId(), entry.callbackId());
        Map<String, Object> state = handedOver.asState();
        state.putAll(Consultation.cleared());
        calls.remember(callId, state); // first, so the agent's leg ending is not read as a hang-up
        calls.attach(callId, newAgent == null ? Map.of("transferredBy", agentId)
                : Map.of("transferredBy", agentId, "agentId", newAgent));
        calls.unbridge(callId);
        calls.hold(callId, call.callerLeg().id(), false);
        calls.bridge(callId, call.callerLeg().id(), consultation.legId());
        if (agents.status(agentId).callId() != null && callId.equals(agents.status(agentId).callId())) {
            try {
                calls.hangupLeg(callId, entry.agentLeg(), Cause.NORMAL);
            } catch (CallControlException e) {
                LOG.debug("Call {}: the agent's leg is already gone", callId);
            }
            agentLeftCall(agents.status(agentId), callId, entry);
        }
        journal.append("acd.transferred", callId, agentId, Map.of("from", entry.queue(), "to", consultation.target(),
                "consulted", true));
        if (newAgent != null) {
            notices.publish(newAgent, "connected", screenPop(callId, handedOver));
        }
    }

    /** The consultation is over without a transfer (cancelled, or the consulted party hung up or never answered). */
    private void endConsultation(CallInfo call, Consultation consultation, String how) {
        String callId = call.id();
        calls.remember(callId, Consultation.cleared());
        CallEntry entry = CallEntry.of(call).orElseThrow();
        String consulted = consultation.agent();
        if (consulted != null) {
            AgentStatus status = agents.status(consulted);
            if (status.state() == AgentState.RESERVED && callId.equals(status.callId())) {
                try {
                    agents.released(consulted, callId);
                } catch (TransitionRefused e) {
                    LOG.debug("Consulted agent {}: {}", consulted, e.getMessage());
                }
                notices.publish(consulted, "ended", Map.of("callId", callId));
            } else {
                agentLeftCall(status, callId, entry);
            }
        }
        try {
            calls.unbridge(callId);
            calls.bridge(callId, call.callerLeg().id(), entry.agentLeg());
            calls.hold(callId, call.callerLeg().id(), false);
            agents.held(entry.agent(), callId, false);
        } catch (CallControlException | TransitionRefused e) {
            LOG.debug("Call {}: back from the consultation: {}", callId, e.getMessage());
        }
        journal.append("acd.consult.ended", callId, entry.agent(), Map.of("to", consultation.target(), "how", how));
    }

    private void refuseWhileConsulting(String callId) throws TransitionRefused {
        if (calls.call(callId).flatMap(Consultation::of).isPresent()) {
            throw new TransitionRefused("the agent is consulting; complete or cancel that first");
        }
    }

    private void requireOutbound(String agentId, String number) throws TransitionRefused {
        if (!Callbacks.dialable(number)) {
            throw new TransitionRefused("'" + number + "' is not a number the trunk can dial");
        }
        if (!directory.outboundAllowed(agentId)) {
            throw new TransitionRefused("agent " + agentId + " may not call outside numbers");
        }
    }

    private CallEntry connectedEntry(String agentId, AgentStatus status) throws TransitionRefused {
        if ((status.state() != AgentState.TALKING && status.state() != AgentState.HOLD) || status.callId() == null) {
            throw new TransitionRefused("agent " + agentId + " is " + status.state() + ", not on a call");
        }
        return entry(status.callId()).filter(entry -> entry.phase() == CallEntry.Phase.CONNECTED)
                .orElseThrow(() -> new TransitionRefused("agent " + agentId + "'s call " + status.callId() + " is gone"));
    }

    // ---- agents changing state (called by the board's listener)

    /** An agent's state changed: READY agents are candidates, everyone else is not. */
    public void agentChanged(AgentStatus status) {
        if (status.state() == AgentState.READY) {
            Optional<AgentProfile> profile = directory.agent(status.agentId());
            if (profile.isEmpty()) {
                return;
            }
            engine.agentReady(profile.get(), status.idleSince(), status.callsOn(LocalDate.ofInstant(clock.instant(), clock.getZone())));
            engine.routeAgent(status.agentId(), clock.instant()).ifPresent(this::offer);
        } else {
            engine.agentUnavailable(status.agentId());
            if (status.state() != AgentState.WRAP_UP) {
                Timers.Timer wrapUp = wrapUps.remove(status.agentId());
                if (wrapUp != null) {
                    wrapUp.cancel();
                }
            }
        }
        reschedule();
    }

    // ---- time: overflow steps and maximum waits

    /** Keeps the one timer at the engine's next wake-up; most events leave it where it is. */
    private void reschedule() {
        Instant next = engine.nextWakeUp(clock.instant()).orElse(null);
        if (next != null && next.equals(wakeUpAt)) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel();
        }
        wakeUpAt = next;
        wakeUp = next == null ? null : timers.at(next, this::wake);
    }

    private void wake() {
        wakeUp = null;
        wakeUpAt = null;
        Instant now = clock.instant();
        for (Assignment assignment : engine.routeDue(now)) {
            offer(assignment);
        }
        for (String callId : engine.expired(now)) {
            maxWaitReached(callId);
        }
        reschedule();
    }

    private void maxWaitReached(String callId) {
        Optional<CallEntry> found = entry(callId);
        if (found.isEmpty() || Callbacks.isKey(callId)) {
            return;
        }
        CallEntry entry = found.get();
        Optional<QueuePlan> plan = directory.queue(entry.queue());
        if (plan.isEmpty()) {
            requeue(callId, entry.movedTo(DEFAULT_QUEUE)); // its queue was removed while it waited
            return;
        }
        try {
            fallback(callId, entry, plan.get(), "max-wait");
        } catch (CallControlException e) {
            LOG.debug("Call {} ended at its maximum wait: {}", callId, e.getMessage());
        }
    }

    // ---- helpers

    private Optional<CallEntry> entry(String callId) {
        return calls.call(callId).flatMap(CallEntry::of);
    }

    private Map<String, Object> screenPop(String callId, CallEntry entry) {
        Map<String, Object> pop = new LinkedHashMap<>();
        pop.put("callId", callId);
        pop.put("queue", entry.queue());
        pop.put("customerClass", entry.customerClass());
        pop.put("waitSeconds", Duration.between(entry.enqueuedAt(), clock.instant()).toSeconds());
        calls.call(callId).ifPresent(call -> {
            pop.put("caller", call.caller());
            pop.put("attached", call.attached());
        });
        return pop;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    private static Map<String, Object> params(CallEvent event) {
        Object params = event.data().get("params");
        if (params instanceof Map<?, ?> map) {
            Map<String, Object> copy = new HashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), value));
            return copy;
        }
        return Map.of();
    }
}
