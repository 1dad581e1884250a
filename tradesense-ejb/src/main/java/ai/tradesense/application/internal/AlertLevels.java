package ai.tradesense.application.internal;

import java.util.Arrays;
import java.util.List;

/** The setting {@code tradesense.worker.alert-levels}: the room-use percents that raise an alert. */
final class AlertLevels {

    private AlertLevels() {
    }

    /** The percents of a comma-separated setting, ascending; throws unless there is at least one, each 1 to 100. */
    static List<Integer> parse(String setting) {
        List<Integer> levels = Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::valueOf).sorted().toList();
        if (levels.isEmpty() || levels.stream().anyMatch(l -> l < 1 || l > 100)) {
            throw new IllegalStateException("tradesense.worker.alert-levels must be percents from 1 to 100");
        }
        return levels;
    }
}
