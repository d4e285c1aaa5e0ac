export { classifyError, type ErrorClass, isTransient } from './classify'
export { describeError } from './describe'
export { PermanentError, permanent, TransientError, transient } from './marked'
