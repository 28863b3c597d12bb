# Sessions: object states, the identity map, flush aùd expiry.
fr