package io.switchboard.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard simcard ...}: drives the simulated telephony card of a running appliance
 * through its control socket, for demos and operators' tests without hardware. Exit 0 done,
 * 1 refused (the simulator's reason on stderr), 2 bad arguments or no appliance running there.
 */
@Command(name = "simcard", mixinStandardHelpOptions = true,
        description = "Drive the simulated telephony card of a running appliance.")
final class SimcardCommand implements Callable<Integer> {

    /** The command with its subcommands, each sending through {@code context}. */
    static CommandLine commandLine(Context context) {
        CommandLine simcard = new CommandLine(new SimcardCommand());
        for (Request request : new Request[] {new Status(context), new Ring(context), new Dtmf(context),
                new Hangup(context), new Capture(context), new Alarm(context), new Answer(context), new Play(context)}) {
            CommandLine sub = new CommandLine(request);
            simcard.addSubcommand(sub.getCommandName(), sub);
        }
        return simcard;
    }

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    /** What the subcommands share: the socket, the working directory, where to print. */
    record Context(SimcardControl control, Path workingDirectory, PrintWriter out, PrintWriter err) {
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing simcard command (status, ring, dtmf, hangup, capture, alarm)");
    }

    /** {@code --data DIR}, accepted anywhere on the line. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "var",
                description = "Data directory of the running appliance (default: ./var).")
        String data;
    }

    /** Sends one request and turns the reply into an exit status. */
    abstract static class Request implements Callable<Integer> {

        private final Context context;

        @Mixin
        DataOption dataOption;

        @Spec
        CommandSpec spec;

        Request(Context context) {
            this.context = context;
        }

        abstract String request();

        Duration timeout() {
            return REPLY_TIMEOUT;
        }

        @Override
        public Integer call() {
            String request = request();
            try {
                SimcardControl.Reply reply = context.control().send(data(), request, timeout());
                if (!reply.ok()) {
                    context.err().println("switchboard simcard: refused: " + reply.detail());
                    return CommandLineInterface.EXIT_FAILURE;
                }
                if (!reply.detail().isEmpty()) {
                    context.out().println(reply.detail());
                }
                context.out().print(reply.body());
                return CommandLineInterface.EXIT_OK;
            } catch (SimcardControl.Unreachable e) {
                context.err().println("switchboard simcard: " + e.getMessage());
                return CommandLineInterface.EXIT_USAGE;
            }
        }

        Path data() {
            return context.workingDirectory().resolve(dataOption.data).toAbsolutePath().normalize();
        }

        Path file(String name) {
            return context.workingDirectory().resolve(name).toAbsolutePath().normalize();
        }

        int positive(int value, String what) {
            if (value < 1) {
                throw new ParameterException(spec.commandLine(), what + " must be 1 or more, got " + value);
            }
            return value;
        }

        String digits(String value, String pattern, String what) {
            if (!value.matches(pattern)) {
                throw new ParameterException(spec.commandLine(), what + " '" + value + "' is not valid");
            }
            return value;
        }
    }

    @Command(name = "status", description = "Spans, alarms and every channel's state.")
    static final class Status extends Request {
        Status(Context context) {
            super(context);
        }

        @Override
        String request() {
            return "status";
        }
    }

    @Command(name = "ring", description = "A call comes in on channel CH for NUMBER (on an extension: it dials NUMBER).")
    static final class Ring extends Request {
        @Parameters(index = "0", paramLabel = "CH") int channel;
        @Parameters(index = "1", paramLabel = "NUMBER") String number;
        @Option(names = "--caller", paramLabel = "ID", description = "The caller's number.") String caller;

        Ring(Context context) {
            super(context);
        }

        @Override
        String request() {
            String request = "ring " + positive(channel, "CH") + " " + digits(number, "[0-9*#+]{1,31}", "NUMBER");
            return caller == null ? request : request + " " + digits(caller, "[0-9*#+]{1,31}", "--caller");
        }
    }

    @Command(name = "dtmf", description = "The caller on channel CH presses DIGITS (as card events, or --tones in the audio).")
    static final class Dtmf extends Request {
        @Parameters(index = "0", paramLabel = "CH") int channel;
        @Parameters(index = "1", paramLabel = "DIGITS") String digits;
        @Option(names = "--tones", description = "Send real DTMF tones in the line's audio.") boolean tones;

        Dtmf(Context context) {
            super(context);
        }

        @Override
        String request() {
            return "dtmf " + positive(channel, "CH") + " " + digits(digits, "[0-9*#A-Da-d]{1,64}", "DIGITS")
                    + (tones ? " tones" : " events");
        }
    }

    @Command(name = "hangup", description = "The far end of channel CH hangs up.")
    static final class Hangup extends Request {
        @Parameters(index = "0", paramLabel = "CH") int channel;

        Hangup(Context context) {
            super(context);
        }

        @Override
        String request() {
            return "hangup " + positive(channel, "CH");
        }
    }

    @Command(name = "capture", description = "Records what the appliance sends on channel CH for SECONDS into FILE.wav.")
    static final class Capture extends Request {
        @Parameters(index = "0", paramLabel = "CH") int channel;
        @Parameters(index = "1", paramLabel = "FILE.wav") String file;
        @Parameters(index = "2", paramLabel = "SECONDS") int seconds;

        Capture(Context context) {
            super(context);
        }

        @Override
        String request() {
            return "capture " + positive(channel, "CH") + " " + positive(seconds, "SECONDS") + " " + file(file);
        }

        @Override
        Duration timeout() {
            return REPLY_TIMEOUT.plusSeconds(seconds);
        }
    }

    @Command(name = "alarm", description = "Raises (los, ais) or clears an alarm on SPAN.")
    static final class Alarm extends Request {
        @Parameters(index = "0", paramLabel = "SPAN") int span;
        @Parameters(index = "1", paramLabel = "los|ais|clear") String kind;

        Alarm(Context context) {
            super(context);
        }

        @Override
        String request() {
            return "alarm " + positive(span, "SPAN") + " " + digits(kind, "los|ais|clear", "alarm kind");
        }
    }

    @Command(name = "answer", description = "The extension (or trunk far end) on channel CH picks up an outbound call.")
    static final class Answer extends Request {
        @Parameters(index = "0", paramLabel = "CH") int channel;

        Answer(Context context) {
            super(context);
        }

        @Override
        String request() {
            return "answer " + positive(channel, "CH");
        }
    }

    @Command(name = "play", description = "The far end of channel CH speaks FILE.wav (8 kHz mono PCM, A-law or µ-law).")
    static final class Play extends Request {
        @Parameters(index = "0", paramLabel = "CH") int channel;
        @Parameters(index = "1", paramLabel = "FILE.wav") String file;

        Play(Context context) {
            super(context);
        }

        @Override
        String request() {
            return "play " + positive(channel, "CH") + " " + file(file);
        }
    }
}
