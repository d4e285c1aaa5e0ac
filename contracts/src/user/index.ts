export { UserLockedV1 } from './user-locked.v1'
export { UserRegisteredV1 } from './user-registered.v1'
export { UserWithdrawnV1 } from './user-withdrawn.v1'
