// The LessonSupport module: the channel from lesson snippets to the rendered page.
