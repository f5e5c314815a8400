package main

import "context"

// runEval is written by the model work (placeholder while it is in progress).
func runEval(ctx context.Context, e env, args []string) int { return exitUsage }
