export { type SagaSources, sagaSources, sagaTimeline } from './collect'
export { loadSagaCliConfig, SagaEnv, type SagaSettings, sagaSettingsOf } from './config'
export { formatTimeline } from './format'
export { type SagaRouteDeps, sagaRoutes } from './routes'
export {
  causalOrder,
  isUnknown,
  type SagaEntry,
  type SagaEntryKind,
  type SagaTimeline,
  type ServiceStates,
} from './timeline'
