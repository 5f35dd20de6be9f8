"""What readers' pages show, decided from the timeline alone: the pages and their layout,
listings, related events, the overview chart, metadata; and the sanitiser for write-ups."""
