package org.gridguard.account;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Remembers and audits sign-ins through the form. Failures are counted where passwords are checked
 * ({@link PasswordSignIn}).
 */
@Component
class SignInListener {

	private final AccountManagement accounts;

	SignInListener(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		accounts.recordSignIn(event.getAuthentication().getName());
	}

}
