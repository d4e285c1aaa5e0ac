export { testEnv } from './env'
export { eventually } from './eventually'
export { freshId, freshName } from './ids'
export {
  commitGroupOffsets,
  endOffsets,
  type PartitionOffset,
  positionGroupAtEnd,
  type TappedRecord,
  type TopicTap,
  tapTopics,
} from './kafka'
