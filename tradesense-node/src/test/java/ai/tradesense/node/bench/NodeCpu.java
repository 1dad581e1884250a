package ai.tradesense.node.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the node process: user + system from {@code /proc/<pid>/stat} (utime and stime, in clock
 * ticks of 10 ms: USER_HZ is 100 on Linux), so a phase's CPU per event is the difference over its events.
 * -1 when the node is not ours or not on Linux.
 */
final class NodeCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private NodeCpu() {
    }

    static long nanos(Process node) {
        if (node == null) {
            return -1;
        }
        try {
            // The command name may hold spaces: the fields after it are numbered from 3 (state).
            return ticks(Files.readString(Path.of("/proc/" + node.pid() + "/stat"))) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of the node's JIT compiler threads (those named {@code C1 CompilerThre…} and {@code C2
     * CompilerThre…} in {@code /proc/<pid>/task/<tid>/comm}), so the warm-up can tell when compiling has
     * settled; -1 when unknown.
     */
    static long compilerNanos(Process node) {
        if (node == null) {
            return -1;
        }
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + node.pid() + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        ticks += ticks(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // a compiler thread may end between listing and reading (they come and go with load)
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
    }

    /** Microseconds of node CPU per event between two readings; NaN when unknown. */
    static double microsPerEvent(long before, long after, long events) {
        if (before < 0 || after < 0 || events <= 0) {
            return Double.NaN;
        }
        return (after - before) / 1e3 / events;
    }
}
