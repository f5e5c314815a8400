package main

import "context"

func runCode(ctx context.Context, e env, args []string) int { return exitUsage }
