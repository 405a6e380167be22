package com.contactsync.cli;

import picocli.CommandLine.Option;

/** {@code --web-ui-port P} of the commands that run the job locally (picocli mixin). */
final class WebUiOption {

    @Option(names = "--web-ui-port", paramLabel = "P",
            description = "Serve Flink's Web UI on 127.0.0.1:P (default: 8081, or a free port when 8081 is taken; the URL is printed). 0 = off.")
    void port(int port) {
        WebUi.request(port);
    }
}
