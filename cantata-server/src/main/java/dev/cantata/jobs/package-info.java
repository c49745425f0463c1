@NullMarked
package dev.cantata.jobs;

import org.jspecify.annotations.NullMarked;
