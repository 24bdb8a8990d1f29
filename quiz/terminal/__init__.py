"""What the player sees and types: Rich views, prompts, the game loops and the add wizard."""
