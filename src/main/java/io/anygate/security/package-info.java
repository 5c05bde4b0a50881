/**
 * Partners (API users), OAuth2 tokens, RSA signatures over X-Validation-Data, the replay store, IP allowlists and rate limits. State that must hold across replicas lives in the store.
 */
package io.anygate.security;
