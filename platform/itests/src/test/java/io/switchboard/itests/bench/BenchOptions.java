package io.switchboard.itests.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@link ConcurrentRtpBench}, as an immutable record.
 *
 * @param host       the appliance's SIP address
 * @param port       its SIP port (UDP)
 * @param service    the number dialled (300: the echo test)
 * @param calls      N: calls placed, all meant to be up at once
 * @param rate       calls set up per second (SIPp -r)
 * @param hold       how long each call is held from its answer to its BYE (SIPp -d)
 * @param introListen how long the intro prompt is listened to before the digit interrupts it
 * @param digit      whether to send the RFC 4733 digit; without it the stream starts after {@code introListen}
 * @param lateLimit  a packet later than this is late (10 ms in the goal)
 * @param bind       the local address of the media sockets (and SIPp's)
 * @param workDir    where SIPp runs and the per-call CSV goes; null for a new temporary directory
 * @param label      a name for this run in the summary ("warm-up", "N=1000")
 * @param dumpIntro  also write every intro packet to intro-packets.csv (to look at a late one)
 */
record BenchOptions(String host, int port, String service, int calls, double rate, Duration hold,
        Duration introListen, boolean digit, Duration lateLimit, String bind, Path workDir, String label, boolean dumpIntro) {

    static final String USAGE = """
            usage: ConcurrentRtpBench --port SIP_PORT --calls N [options]
              --host ADDR         appliance SIP address (127.0.0.1)
              --service NUMBER    number to dial (300, the echo test)
              --rate CPS          calls per second (N/5, at least 10: all N up within ~5 s)
              --hold-s S          each call's length from answer to BYE (20)
              --intro-ms MS       listen to the intro prompt this long, then send a digit (3000)
              --no-digit          do not interrupt the intro: start the stream after --intro-ms
                                  (give it past the prompt's end, e.g. 6500)
              --late-ms MS        lateness limit (10)
              --bind ADDR         local address for media and SIP (127.0.0.1)
              --work DIR          working directory (a new temporary one)
              --label TEXT        name of this run in the summary
              --dump-intro        write every intro packet to WORK/intro-packets.csv
            """;

    static BenchOptions parse(String[] args) {
        String host = "127.0.0.1";
        int port = -1;
        String service = "300";
        int calls = -1;
        double rate = -1;
        long holdSeconds = 20;
        long introMs = 3000;
        boolean digit = true;
        long lateMs = 10;
        String bind = "127.0.0.1";
        Path work = null;
        String label = null;
        boolean dumpIntro = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--no-digit" -> digit = false;
                case "--dump-intro" -> dumpIntro = true;
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--service" -> service = value(args, ++i, arg);
                case "--calls" -> calls = Integer.parseInt(value(args, ++i, arg));
                case "--rate" -> rate = Double.parseDouble(value(args, ++i, arg));
                case "--hold-s" -> holdSeconds = Long.parseLong(value(args, ++i, arg));
                case "--intro-ms" -> introMs = Long.parseLong(value(args, ++i, arg));
                case "--late-ms" -> lateMs = Long.parseLong(value(args, ++i, arg));
                case "--bind" -> bind = value(args, ++i, arg);
                case "--work" -> work = Path.of(value(args, ++i, arg));
                case "--label" -> label = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (port <= 0 || calls <= 0) {
            throw new IllegalArgumentException("--port and --calls are required");
        }
        if (rate <= 0) {
            rate = Math.max(10, Math.ceil(calls / 5.0));
        }
        Duration hold = Duration.ofSeconds(holdSeconds);
        Duration intro = Duration.ofMillis(introMs);
        if (hold.compareTo(intro.plusSeconds(2)) < 0) {
            throw new IllegalArgumentException("--hold-s must leave at least 2 s after --intro-ms for the echo stream");
        }
        return new BenchOptions(host, port, service, calls, rate, hold, intro, digit, Duration.ofMillis(lateMs), bind,
                work, label == null ? "N=" + calls : label, dumpIntro);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** How long SIPp needs at most: the ramp, one hold, and a minute for retransmissions. */
    Duration sippCeiling() {
        return Duration.ofMillis((long) (calls / rate * 1000)).plus(hold).plusSeconds(60);
    }
}
