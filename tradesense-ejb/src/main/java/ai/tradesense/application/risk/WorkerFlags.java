package ai.tradesense.application.risk;

/** The operator's pause of the worker triggers, shared by every worker node. */
public interface WorkerFlags {

    /** True while the pause is set for every worker node. */
    boolean paused();

    /** Sets the pause for every worker node; false when it could not be shared (the store is down). */
    boolean pause();

    /** Lifts the pause. */
    void resume();
}
