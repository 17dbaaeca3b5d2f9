package org.gridguard.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins towards the lock-out and audits interactive sign-ins.
 */
@Component
class SignInListener {

	private final AccountManagement accounts;

	SignInListener(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		Object name = event.getAuthentication().getPrincipal();
		if (name instanceof String username && !username.isBlank()) {
			accounts.recordFailure(username.strip().toLowerCase());
		}
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		accounts.recordSuccess(event.getAuthentication().getName(), true);
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
			accounts.recordSuccess(principal.getUsername(), false);
		}
	}

}
