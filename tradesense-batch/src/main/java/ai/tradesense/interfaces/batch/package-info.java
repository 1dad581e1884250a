/**
 * The risk worker's adapters: timers that start Jakarta Batch jobs, and the batch artifacts that
 * translate between the job runtime and the application services.
 */
package ai.tradesense.interfaces.batch;
