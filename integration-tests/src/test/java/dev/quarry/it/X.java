package dev.quarry.it; @dev.quarry.annotation.Entity class X {}
