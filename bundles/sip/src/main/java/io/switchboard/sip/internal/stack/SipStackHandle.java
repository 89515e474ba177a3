package io.switchboard.sip.internal.stack;

import gov.nist.javax.sip.SipStackImpl;
import java.util.Properties;
import java.util.TooManyListenersException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one JAIN-SIP stack listening on UDP and TCP at one address and port. Built directly, not
 * through {@code SipFactory}, whose static singleton caches stacks across bundle updates. Every
 * limit the RI leaves open by default is set here (STACK.md, pitfall 3).
 */
public final class SipStackHandle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipStackHandle.class);
    /** The logger name JAIN-SIP RI writes its own messages under. */
    static final String STACK_LOGGER = "io.switchboard.sip.stack";

    /** The stack's limits; see {@link #properties}. */
    public record Limits(int maxMessageSize, int threadPoolSize, int maxServerTransactions) {
    }

    private final SipStack stack;
    private final SipProvider provider;

    private SipStackHandle(SipStack stack, SipProvider provider) {
        this.stack = stack;
        this.provider = provider;
    }

    /**
     * Starts a stack and binds it; on failure nothing is left open.
     *
     * @throws SipException when the port is taken or the address is not ours
     */
    public static SipStackHandle start(String name, String address, int port, Limits limits, SipListener listener)
            throws SipException {
        SipStack stack;
        try {
            stack = new SipStackImpl(properties(name, limits));
        } catch (PeerUnavailableException e) {
            throw new SipException("cannot create the SIP stack", e);
        }
        try {
            ListeningPoint udp = stack.createListeningPoint(address, port, ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(address, port, ListeningPoint.TCP);
            SipProvider provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(listener);
            stack.start();
            return new SipStackHandle(stack, provider);
        } catch (SipException | javax.sip.InvalidArgumentException | TooManyListenersException | IllegalArgumentException e) {
            stack.stop();
            throw e instanceof SipException sip ? sip : new SipException("cannot start the SIP stack", e);
        }
    }

    static Properties properties(String name, Limits limits) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        // The RI's own log goes to one fixed logger an operator can tune (conf/logback.xml keeps it
        // off by default: it dumps every unparseable packet in full).
        p.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", STACK_LOGGER);
        // dialogs are made by the stack for INVITEs; it answers 481 to stray BYEs and CANCELs
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.IS_BACK_TO_BACK_USER_AGENT", "true");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(limits.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE",
                Integer.toString(limits.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(limits.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(limits.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(limits.maxServerTransactions()));
        // TCP: few connections, none held open idle or half-sent for long (slow-loris)
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "1024");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "2000");
        p.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", "120000");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // a message that sits in the queue longer than this is dropped, not processed late
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "4000");
        p.setProperty("gov.nist.javax.sip.MAX_LISTENER_RESPONSE_TIME", "32");
        p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_INVITE", "300");
        p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_NON_INVITE", "64");
        p.setProperty("gov.nist.javax.sip.EARLY_DIALOG_TIMEOUT_SECONDS", "300");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(1 << 20));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(1 << 20));
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        p.setProperty("gov.nist.javax.sip.CANCEL_CLIENT_TRANSACTION_CHECKED", "true");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.LOG_STACK_TRACE_ON_MESSAGE_SEND", "false");
        // the RI logs through log4j 1.2 (log4j-over-slf4j); its own trace is off
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        return p;
    }

    public SipProvider provider() {
        return provider;
    }

    /** Stops listening and ends the stack; takes about two seconds (STACK.md, pitfall 2). */
    @Override
    public void close() {
        try {
            stack.deleteSipProvider(provider);
        } catch (ObjectInUseException | RuntimeException e) {
            LOG.debug("SIP provider still in use at stop: {}", e.toString());
        } finally {
            stack.stop();
        }
    }
}
