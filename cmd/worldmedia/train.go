package main

import "context"

// runTrain is written by the model work (placeholder while it is in progress).
func runTrain(ctx context.Context, e env, args []string) int { return exitUsage }
