/** The JUnit 5 extension that runs a reference server per test class. */
package cloud.lightpane.stub.junit;
