"""Files to entries: the events folder walked, each file read once, its front matter parsed
with the line and column of every value, and when git says each entry was added."""
