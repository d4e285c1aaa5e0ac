export { classifyError, describeError, PermanentError, permanent, TransientError, transient } from '../errors/index'
export { createKafka, deleteTopics, ensureTopics, type KafkaClient, kafkaCheck } from './client'
export { CONTENT_TYPE, decodeEvent, encodeEvent, headerValue, type RecordHeaders } from './codec'
export { type ConsumerOptions, type RunningConsumer, startConsumer } from './consumer'
export {
  type DeadLetterView,
  type DlqPartitionState,
  dlqStates,
  dlqTopics,
  listDeadLetters,
  pendingIn,
} from './dead-letters'
export { type DeadLetterReason, dlqTopicOf, withoutDlqHeaders } from './dlq'
export { type DrainTiming, drainTopic } from './drain'
export { type ConsumerGroupView, describeConsumerGroups, type GroupMember, type GroupPartitionLag } from './groups'
export {
  type CallOutContext,
  type CallOutHandler,
  type EventHandler,
  EventNotYet,
  EventRejected,
  type HandlerContext,
  handle,
  type InTransactionHandler,
} from './handle'
export { type HandlerIndex, indexHandlers } from './handlers'
export { commitGroupOffsets, committedOffsets, endOffsets, type PartitionOffset, positionGroupAtEnd } from './offsets'
export { type ParkedPass, parkedRetryDelayMs, parkRecord, retryParked, retryParkedUnder } from './park'
export { type OutgoingRecord, openProducer, produce, type RecordProducer } from './produce'
export { type ReplayOptions, replayDlq, replayGroupOf } from './replay'
export { backoffMs, defaultRetryPolicy, type RetryPolicy, retryTransient } from './retry'
export { listTopics, type ScannedRecord, type ScanOptions, scanTopics } from './scan'
