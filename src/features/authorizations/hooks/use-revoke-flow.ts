import { useState } from 'react';
import { useRevokeAuthorization } from '../api/revoke-authorization.ts';
import type { Authorization } from '../api/authorization-schema.ts';

/** The revoke journey one page offers: which authorization the dialog asks about, the mutation, the outcome. */
export function useRevokeFlow() {
  const mutation = useRevokeAuthorization();
  const [target, setTarget] = useState<Authorization | null>(null);
  return {
    mutation,
    dialog: {
      target,
      onCancel: () => setTarget(null),
      onConfirm: (authorization: Authorization) => {
        setTarget(null);
        mutation.mutate({ authorization });
      },
    },
    ask: (authorization: Authorization) => setTarget(authorization),
    /** True while the custodian has not confirmed this authorization's revoke. */
    isConfirming: (id: string) => mutation.isPending && mutation.variables?.authorization.id === id,
  };
}
