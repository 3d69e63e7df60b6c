/**
 * Machinery: faults injected on purpose ({@code --fault SPEC}): the SPEC grammar, which requests a
 * rule hits (first, every, a seeded rate) and the filter that delays, fails or spoils them.
 */
package cloud.lightpane.stub.internal.faults;
