/** Where the demo plays a third-party app's OAuth callback (registered with the mock in start-demo.ts). */
export const THIRD_PARTY_CALLBACK_PATH = '/demo/third-party-callback';
/**
 * Where the demo plays each third party's scope-selection screen (ApplicationInformation
 * thirdPartyScopeSelectionScreenURI, registered with the mock in start-demo.ts): the portal's app
 * directory sends the customer there, and the app then starts its authorization request.
 */
export const THIRD_PARTY_SCOPE_SELECTION_PATH = '/demo/third-party/{clientId}/scope-selection';
