/**
 * The in-memory co-presence index: which persons shared a venue with an index person, and when.
 *
 * <p>Everything here is plain Java with primitive arrays. Identifiers at this boundary are ints (venue and person
 * ids as the caller stores them) and times are int seconds since an epoch the caller fixes when the index is
 * created. {@link org.gridguard.trace.ContactIndex} is the entry point; {@link org.gridguard.trace.ContactIndexBuilder}
 * builds one from bulk rows.
 */
package org.gridguard.trace;
