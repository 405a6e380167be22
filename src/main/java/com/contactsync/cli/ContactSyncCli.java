package com.contactsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./contactsync <command>}: every local command of ContactSync. */
@Command(
        name = "contactsync",
        mixinStandardHelpOptions = true,
        description = "Moves contacts kept as JSON on profile rows into normalized tables, exactly once.",
        subcommands = {DemoCommand.class, StackCommand.class, RunCommand.class, LatencyBenchCommand.class, GenerateCommand.class, BenchCommand.class, PauseCommand.class, VerifyCommand.class, LookupCommand.class,
                EraseCommand.class, DemoDatabaseCommand.class, ShapesCommand.class, CommandLine.HelpCommand.class})
public final class ContactSyncCli {

    public static void main(String[] args) {
        int exit = new CommandLine(new ContactSyncCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("contactsync: " + withCauses(e));
                    if (System.getenv("CONTACTSYNC_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args);
        System.exit(exit);
    }

    /** The message and its causes' ("could not start the embedded stack" alone says nothing of why). */
    static String withCauses(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            text.append("\n  caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
