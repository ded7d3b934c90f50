package dev.adjoint.bench.run;

import dev.adjoint.bench.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes each workload's inputs and our results to {@code DIR/<id>.json} for the comparison scripts. */
public final class Export {

    private Export() {
    }

    /** The files written, one per workload that has something to compare. */
    public static List<Path> write(List<Workload> workloads, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Workload w : workloads) {
            Optional<String> json = w.exportJson();
            if (json.isPresent()) {
                Path file = dir.resolve(w.id() + ".json");
                Files.writeString(file, json.get() + "\n", StandardCharsets.UTF_8);
                written.add(file);
            }
        }
        return written;
    }
}
