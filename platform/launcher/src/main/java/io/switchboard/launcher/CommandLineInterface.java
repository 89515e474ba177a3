package io.switchboard.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code switchboard} command line of CONTRACT.md. Parsing and shape checks live here;
 * what a command does is handed in ({@link RunAction}), so every bad-argument case is tested
 * without starting anything.
 */
public final class CommandLineInterface {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /** Starts the appliance for {@code switchboard run}; returns the process exit status. */
    @FunctionalInterface
    public interface RunAction {
        int run(RunOptions options);
    }

    private final RunAction runAction;
    private final SimcardControl simcard;
    private final Path home;
    private final Path workingDirectory;
    private final PrintWriter out;
    private final PrintWriter err;

    public CommandLineInterface(RunAction runAction, Path home, Path workingDirectory, PrintWriter out,
            PrintWriter err) {
        this(runAction, SimcardControl.overSocket(), home, workingDirectory, out, err);
    }

    /** With the simulator card's control socket handed in (tests). */
    public CommandLineInterface(RunAction runAction, SimcardControl simcard, Path home, Path workingDirectory,
            PrintWriter out, PrintWriter err) {
        this.runAction = runAction;
        this.simcard = simcard;
        this.home = home;
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SwitchboardCommand(err));
        commandLine.addSubcommand("run", new RunCommand(runAction, home, workingDirectory));
        commandLine.addSubcommand("simcard",
                SimcardCommand.commandLine(new SimcardCommand.Context(simcard, workingDirectory, out, err)));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(this::oneLineUsageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("switchboard: " + oneLine(String.valueOf(e.getMessage())));
            err.flush();
            return EXIT_FAILURE;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The contract wants one clear line on stderr and status 2, not picocli's usage dump. */
    private int oneLineUsageError(ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println("switchboard: " + oneLine(e.getMessage()) + " (see '" + command + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    @Command(name = "switchboard", mixinStandardHelpOptions = true,
            versionProvider = SwitchboardCommand.Version.class,
            description = "Switchboard CTI appliance.")
    static final class SwitchboardCommand implements Callable<Integer> {

        private final PrintWriter err;

        @Spec
        CommandSpec spec;

        SwitchboardCommand(PrintWriter err) {
            this.err = err;
        }

        @Override
        public Integer call() {
            err.println("switchboard: missing command (see 'switchboard --help')");
            err.flush();
            return EXIT_USAGE;
        }

        static final class Version implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[] {"switchboard " + ProductVersion.read()};
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Start the appliance in the foreground; SIGTERM or Ctrl-C stops it.")
    static final class RunCommand implements Callable<Integer> {

        private final RunAction action;
        private final Path home;
        private final Path workingDirectory;

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "var",
                description = "Data directory (default: ./var).")
        String data;

        @Option(names = "--bind", paramLabel = "ADDR", defaultValue = RunOptions.DEFAULT_BIND,
                description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--sip-port", paramLabel = "N", defaultValue = "" + RunOptions.DEFAULT_SIP_PORT,
                description = "SIP port, UDP and TCP (default: ${DEFAULT-VALUE}).")
        int sipPort;

        @Option(names = "--https-port", paramLabel = "N", defaultValue = "" + RunOptions.DEFAULT_HTTPS_PORT,
                description = "HTTPS console and API port (default: ${DEFAULT-VALUE}).")
        int httpsPort;

        @Option(names = "--rtp-ports", paramLabel = "LOW-HIGH", defaultValue = RunOptions.DEFAULT_RTP_PORTS,
                converter = PortRangeConverter.class,
                description = "RTP port range (default: ${DEFAULT-VALUE}).")
        PortRange rtpPorts;

        @Option(names = "--no-demo", description = "Do not create the demo configuration.")
        boolean noDemo;

        @Option(names = "--drain-seconds", paramLabel = "N",
                defaultValue = "" + RunOptions.DEFAULT_DRAIN_SECONDS,
                description = "How long SIGTERM lets live calls finish (default: ${DEFAULT-VALUE}).")
        int drainSeconds;

        RunCommand(RunAction action, Path home, Path workingDirectory) {
            this.action = action;
            this.home = home;
            this.workingDirectory = workingDirectory;
        }

        @Override
        public Integer call() {
            return action.run(toOptions());
        }

        RunOptions toOptions() {
            requirePort("--sip-port", sipPort);
            requirePort("--https-port", httpsPort);
            if (sipPort == httpsPort) {
                throw usage("--sip-port and --https-port are both " + sipPort);
            }
            if (rtpPorts.contains(sipPort)) {
                throw usage("--sip-port " + sipPort + " lies inside --rtp-ports " + rtpPorts);
            }
            if (drainSeconds < 0) {
                throw usage("--drain-seconds must not be negative, got " + drainSeconds);
            }
            if (!BindAddress.isLiteral(bind)) {
                throw usage("--bind must be an IPv4 or IPv6 address, got '" + bind + "'");
            }
            if (data.isBlank()) {
                throw usage("--data must not be empty");
            }
            Path dataDirectory = workingDirectory.resolve(data).toAbsolutePath().normalize();
            return new RunOptions(home, dataDirectory, bind, sipPort, httpsPort, rtpPorts, !noDemo,
                    drainSeconds);
        }

        private void requirePort(String option, int port) {
            if (port < 1 || port > 65535) {
                throw usage(option + " must be within 1-65535, got " + port);
            }
        }

        private ParameterException usage(String message) {
            return new ParameterException(spec.commandLine(), message);
        }
    }

    static final class PortRangeConverter implements CommandLine.ITypeConverter<PortRange> {
        @Override
        public PortRange convert(String value) {
            try {
                return PortRange.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
