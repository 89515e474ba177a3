package io.switchboard.sip.internal;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import io.switchboard.api.call.Cause;
import io.switchboard.api.call.DialRequest;
import io.switchboard.api.channel.Channel;
import io.switchboard.api.channel.ChannelException;
import io.switchboard.api.channel.ChannelHub;
import io.switchboard.api.channel.LegSink;
import io.switchboard.api.channel.MediaEngine;
import io.switchboard.sip.internal.auth.Authenticator;
import io.switchboard.sip.internal.auth.Lockout;
import io.switchboard.sip.internal.auth.NonceService;
import io.switchboard.sip.internal.leg.LegContext;
import io.switchboard.sip.internal.leg.LegRegistry;
import io.switchboard.sip.internal.leg.SipLeg;
import io.switchboard.sip.internal.registrar.DeviceTable;
import io.switchboard.sip.internal.registrar.Registrar;
import io.switchboard.sip.internal.registrar.RegistrationTable;
import io.switchboard.sip.internal.stack.NistAdapter;
import io.switchboard.sip.internal.stack.SipMessages;
import io.switchboard.sip.internal.stack.SipStackHandle;
import io.switchboard.store.api.Database;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP driver without OSGi: one stack, the registrar, and the legs. It is the stack's listener
 * and dispatches each message to a handler or to its leg's strand; no callback throws into the
 * stack. Options that can change live are held in one volatile {@link Policy}; everything else is
 * fixed for the engine's life.
 */
public final class SipEngine implements SipListenerExt, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipEngine.class);

    /** The settings that change without a restart, swapped as one. */
    private record Policy(SipOptions options, TrustedPeers trusted, Authenticator auth) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ChannelHub hub;
    private final DeviceTable devices;
    private final Registrar registrar;
    private final OverloadGuard overload;
    private final ScheduledExecutorService timers;
    private final ExecutorService pool;
    private final LegRegistry legs;
    private volatile Policy policy;
    private volatile boolean running;
    private SipStackHandle stack;
    private SipMessages sip;
    private LegContext ctx;
    private InviteHandler invites;
    private RegisterHandler registers;
    private Dialer dialer;

    private SipEngine(SipOptions options, ChannelHub hub, Database database, Clock clock) {
        this.clock = clock;
        this.hub = hub;
        this.devices = new DeviceTable(database, clock);
        this.registrar = new Registrar(clock, new RegistrationTable(database), options.minExpires(),
                options.maxExpires());
        this.overload = new OverloadGuard(options.overloadThreshold());
        this.timers = Executors.newSingleThreadScheduledExecutor(threads("sip-timer"));
        // strands run here: small and fixed, like the stack's own pool (no thread per call)
        this.pool = Executors.newFixedThreadPool(Math.max(2, options.threadPoolSize()), threads("sip-leg"));
        this.legs = new LegRegistry(timers);
        this.policy = policy(options);
    }

    /**
     * Starts the stack on {@code bind}:{@code port} (UDP and TCP).
     *
     * @throws SipException when the stack cannot bind; nothing is left running
     */
    public static SipEngine start(SipOptions options, InetAddress bind, int port, ChannelHub hub, MediaEngine media,
                                  Database database, Clock clock) throws SipException {
        SipEngine engine = new SipEngine(options, hub, database, clock);
        try {
            engine.open(options, bind, port, media);
        } catch (SipException | RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    private void open(SipOptions options, InetAddress bind, int port, MediaEngine media) throws SipException {
        // the RI logs under its stack name: one dotted hierarchy an operator can tune ("switchboard-sip")
        String name = "switchboard-sip." + port;
        stack = SipStackHandle.start(name, bind.getHostAddress(), port,
                new SipStackHandle.Limits(options.maxMessageSize(), options.threadPoolSize(),
                        options.maxServerTransactions()), this);
        sip = new SipMessages(stack.provider(), port);
        ctx = new LegContext(sip, pool, timers, legs);
        LocalAddresses locals = new LocalAddresses(bind);
        invites = new InviteHandler(ctx, hub, media, registrar, overload, locals);
        registers = new RegisterHandler(sip, registrar, clock);
        dialer = new Dialer(ctx, media, registrar, locals);
        timers.scheduleWithFixedDelay(this::purge, 60, 60, TimeUnit.SECONDS);
        running = true;
        LOG.info("SIP listening on {}:{} (UDP, TCP)", bind.getHostAddress(), port);
    }

    private Policy policy(SipOptions options) {
        TrustedPeers trusted = TrustedPeers.parse(options.trustedPeers().toArray(String[]::new));
        Lockout lockout = new Lockout(clock, options.lockoutFailures(), options.lockoutWindow(),
                options.lockoutDuration());
        Authenticator auth = new Authenticator(new NonceService(clock, random, options.nonceLifetime()), lockout,
                this::credentials, options.realm());
        return new Policy(options, trusted, auth);
    }

    /** Applies settings that need no new stack; the caller restarts the engine for the rest. */
    public void update(SipOptions options) {
        policy = policy(options);
        registrar.limits(options.minExpires(), options.maxExpires());
        overload.threshold(options.overloadThreshold());
    }

    public SipOptions options() {
        return policy.options();
    }

    public boolean isAvailable() {
        return running;
    }

    public DeviceTable devices() {
        return devices;
    }

    public Registrar registrar() {
        return registrar;
    }

    public String realm() {
        return policy.options().realm();
    }

    public Channel originate(String legId, DialRequest request, LegSink sink) throws ChannelException {
        if (!running) {
            throw new ChannelException(Cause.UNAVAILABLE, "the SIP stack is stopped");
        }
        return dialer.originate(legId, request, sink, policy.options());
    }

    private Optional<io.switchboard.sip.internal.auth.StoredCredentials> credentials(String user) {
        try {
            return devices.find(user);
        } catch (SQLException e) {
            LOG.warn("Could not read SIP device {}", user, e);
            return Optional.empty();
        }
    }

    private void purge() {
        try {
            registrar.purge();
        } catch (RuntimeException e) {
            LOG.warn("Purging expired registrations failed", e);
        }
    }

    // ---- the stack's listener: each callback catches everything, so bad input cannot kill the stack

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            dispatch(request, event.getServerTransaction());
        } catch (RuntimeException e) {
            LOG.warn("Failed handling {} from {}", request.getMethod(), NistAdapter.source(request), e);
            if (!Request.ACK.equals(request.getMethod())) {
                sip.respond(event.getServerTransaction(), request, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private void dispatch(Request request, ServerTransaction given) {
        String method = request.getMethod();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<SipLeg> leg = legs.find(callId);
        if (Request.ACK.equals(method)) {
            leg.ifPresent(l -> l.strand().execute(() -> l.onRequest(request, null)));
            return;
        }
        ServerTransaction transaction = given != null ? given : transaction(request);
        if (transaction == null) {
            return; // a retransmission the stack's transaction already absorbs
        }
        InetSocketAddress source = NistAdapter.source(request);
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        if (Request.CANCEL.equals(method) || inDialog) {
            if (leg.isPresent()) {
                leg.get().strand().execute(() -> leg.get().onRequest(request, transaction));
            } else if (Request.OPTIONS.equals(method)) {
                options(request, transaction);
            } else {
                sip.send(transaction, sip.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            }
            return;
        }
        Policy current = policy;
        switch (method) {
            case Request.INVITE -> invites.handle(request, transaction, source, current.options(), current.trusted(),
                    current.auth());
            case Request.REGISTER -> registers.handle(request, transaction, source, current.auth());
            case Request.OPTIONS -> options(request, transaction);
            case Request.BYE, Request.INFO -> sip.send(transaction,
                    sip.response(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
            default -> {
                Response response = sip.response(Response.METHOD_NOT_ALLOWED, request);
                sip.allow(response);
                sip.send(transaction, response);
            }
        }
    }

    private ServerTransaction transaction(Request request) {
        try {
            return sip.provider().getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (TransactionUnavailableException e) {
            LOG.debug("No transaction for {}: {}", request.getMethod(), e.toString());
            return null;
        }
    }

    /** OPTIONS outside a dialog: always 200 (also while draining); it is how peers and health checks ping us. */
    private void options(Request request, ServerTransaction transaction) {
        Response ok = sip.response(Response.OK, request);
        sip.allow(ok);
        try {
            AcceptHeader accept = sip.headers.createAcceptHeader("application", "sdp");
            ok.addHeader(accept);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("accept", e);
        }
        sip.send(transaction, ok);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            Response response = event.getResponse();
            ClientTransaction transaction = event.getClientTransaction();
            String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
            legs.find(callId).ifPresent(l -> l.strand().execute(() -> l.onResponse(response, transaction)));
        } catch (RuntimeException e) {
            LOG.warn("Failed handling a response", e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            if (event.isServerTransaction()) {
                return;
            }
            ClientTransaction transaction = event.getClientTransaction();
            String callId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
            legs.find(callId).ifPresent(l -> l.strand().execute(() -> l.onTimeout(transaction)));
        } catch (RuntimeException e) {
            LOG.warn("Failed handling a transaction timeout", e);
        }
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        dialogGone(event.getDialog());
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        dialogGone(event.getDialog());
    }

    private void dialogGone(javax.sip.Dialog dialog) {
        try {
            if (dialog != null && dialog.getCallId() != null) {
                legs.find(dialog.getCallId().getCallId())
                        .ifPresent(l -> l.strand().execute(l::onDialogTerminated));
            }
        } catch (RuntimeException e) {
            LOG.warn("Failed handling the end of a dialog", e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to do: legs follow their dialogs
    }

    /** Ends live legs, stops the stack (≈2 s, pitfall 2) and the driver's threads. */
    @Override
    public void close() {
        running = false;
        for (SipLeg leg : legs.all()) {
            if (!leg.isEnded()) {
                leg.hangup(Cause.LINE_FAILURE);
            }
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("SIP legs still busy at stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stack != null) {
            stack.close();
        }
        timers.shutdownNow();
        pool.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
