/** Where the demo plays a third-party app's OAuth callback (registered with the mock in start-demo.ts). */
export const THIRD_PARTY_CALLBACK_PATH = '/demo/third-party-callback';
