"""Discord front end: the only package that imports discord. It translates interactions and messages
into engine calls and renders Answers as embeds with buttons; it holds no question logic."""
