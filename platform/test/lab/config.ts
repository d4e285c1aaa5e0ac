import { loadConfig, ServiceEnv } from '../../src/config'

/** The sample service's config: nothing beyond what runService reads. */
export const loadSampleConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(ServiceEnv, env)
export type SampleConfig = ReturnType<typeof loadSampleConfig>
