@NullMarked
package dev.cantata.db;

import org.jspecify.annotations.NullMarked;
