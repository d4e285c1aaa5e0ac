/** The one image tag every deployment artefact uses (compose.yaml, k8s/): images are `commerce/<name>:IMAGE_TAG`. */
export const IMAGE_TAG = '0.15.0'

/** The images the repo builds (platform/deploy/README.md has the build commands). */
export const IMAGE_NAMES = [
  'auth',
  'user',
  'catalog',
  'inventory',
  'order',
  'payment',
  'pg-sandbox',
  'connect',
  'provision',
] as const

export type ImageName = (typeof IMAGE_NAMES)[number]

/** `commerce/<name>:0.15.0`. */
export const imageRef = (name: ImageName) => `commerce/${name}:${IMAGE_TAG}`
