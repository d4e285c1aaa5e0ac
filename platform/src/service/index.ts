export { createLifecycle, type Lifecycle, type ShutdownStep } from './lifecycle'
export { applyMigrations } from './migrate'
export {
  type ConsumerSpec,
  type RunningService,
  runService,
  type ServiceDefinition,
  type ServiceDeps,
} from './run-service'
export { type SagaViewSource, sagaViewRoute } from './saga-route'
export type {
  SagaInboxRow,
  SagaOutboxEvent,
  SagaParkedRow,
  SagaTransition,
  ServiceSagaView,
} from './saga-view'
export type { ServiceConfig } from './service-app'
