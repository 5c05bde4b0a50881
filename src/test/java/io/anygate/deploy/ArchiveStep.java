package io.anygate.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The step of deploy/Dockerfile that writes the class-data-sharing archive: {@code RUN sh <script> <jar> <archive>
 * <options...>}, read once for the tests that check the image's recipe and replay it.
 */
record ArchiveStep(String dockerfile, String script, String jar, String archive, List<String> options) {

    static ArchiveStep read() throws IOException {
        String dockerfile = Files.readString(Path.of("deploy/Dockerfile")).replace("\\\n", " ");
        Matcher run = Pattern.compile("(?m)^RUN sh (\\S+cds-archive\\.sh) (\\S+) (\\S+)([^&\\n]*)").matcher(dockerfile);
        assertTrue(run.find(), "the Dockerfile runs deploy/cds-archive.sh");
        List<String> options = Stream.of(run.group(4).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        return new ArchiveStep(dockerfile, run.group(1), run.group(2), run.group(3), options);
    }
}
